#!/usr/bin/env bash
# The fresh-machine promise, proven on every CI run: the test files that use a real server run
# again where none of them is installed, and must pass with skips. A private mount namespace hides
# them from this command alone: a tmpfs over /usr/sbin (dovecot, knotd), /dev/null over
# /usr/bin/chromium (a device, not an executable file, which is what the tests look for) and a tmpfs
# over the unpacked RFC 7208 suite. Node lives in /usr/bin, so /usr/bin itself stays.
# Usage: bash tests/setup/without-servers.sh <junit report path>
set -euo pipefail
cd "$(dirname "$0")/../.."
report=${1:?usage: without-servers.sh <junit report path>}
mapfile -t files < <(grep -l 'helpers/servers' tests/*.test.ts)
[ ${#files[@]} -gt 0 ] || { echo "no server-backed test files found"; exit 1; }
mkdir -p tests/.artifacts/debian
unshare --mount --propagation private bash -c '
  set -e
  mount -t tmpfs none /usr/sbin
  [ -e /usr/bin/chromium ] && mount --bind /dev/null /usr/bin/chromium
  mount -t tmpfs none tests/.artifacts/debian
  exec env -u LB_REQUIRE_SERVERS npx vitest run --outputFile.junit="$0" "$@"
' "$report" "${files[@]}"
# Passing is not enough: each file must have skipped its server's tests, or the hiding missed one.
node -e '
  const xml = require("fs").readFileSync(process.argv[1], "utf8");
  const unskipped = process.argv.slice(2).filter((f) => !new RegExp(`<testsuite name="${f}"[^>]*\\bskipped="[1-9]`).test(xml));
  if (unskipped.length) { console.log(`these ran with their servers hidden, so the hiding missed one: ${unskipped.join(", ")}`); process.exit(1); }
' "$report" "${files[@]}"
