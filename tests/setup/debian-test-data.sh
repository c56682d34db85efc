#!/usr/bin/env bash
# Test data that Debian packages ship, unpacked into tests/.artifacts/debian (never committed):
# the OpenSPF RFC 7208 conformance suite from python3-spf. Needs apt-get (root) once.
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=tests/.artifacts/debian
suite=$dest/usr/share/doc/python3-spf/rfc7208-tests.yml.gz
[ -f "$suite" ] && exit 0
mkdir -p "$dest"
work=$(mktemp -d)
chmod 777 "$work"
(cd "$work" && apt-get download python3-spf >/dev/null 2>&1) || { apt-get update -qq && (cd "$work" && apt-get download python3-spf >/dev/null); }
dpkg-deb -x "$work"/python3-spf_*.deb "$dest"
rm -rf "$work"
test -f "$suite"
echo "unpacked $suite"
