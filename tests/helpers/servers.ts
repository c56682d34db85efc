import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM as CHROMIUM_PATH, isExecutableFile } from "../../lib/verify/chromium-path";

// The real servers some tests start, in one place: where each is looked for and the line that
// installs it. A test file asks `skipWithout(server)` and puts `titled(name, server)` in its
// describe, so a machine without the server skips those tests with the install line in the report
// instead of failing on a spawn. CI sets LB_REQUIRE_SERVERS=1 (see .ci/run): there a missing server
// runs the tests anyway, so they fail loudly rather than skip quietly.

export interface TestServer {
  readonly name: string;
  /** The executable or data file the tests use, when it is here. */
  readonly path: string | undefined;
  readonly install: string;
}

const runs = (path: string, arg: string) => isExecutableFile(path) && spawnSync(path, [arg], { stdio: "ignore" }).status === 0;

export const DOVECOT: TestServer = {
  name: "Dovecot",
  path: ["/usr/sbin/dovecot"].find((p) => runs(p, "--version")),
  install: "apt-get install dovecot-imapd",
};

export const KNOT: TestServer = {
  name: "Knot DNS (knotd)",
  path: ["/usr/sbin/knotd", "/usr/bin/knotd"].find((p) => runs(p, "--version")),
  install: "apt-get install knot",
};

export const CHROMIUM: TestServer = {
  name: "Chromium",
  path: [CHROMIUM_PATH].find(isExecutableFile),
  install: "apt-get install chromium",
};

const SUITE_FILE = process.env.SPF_SUITE ?? "tests/.artifacts/debian/usr/share/doc/python3-spf/rfc7208-tests.yml.gz";
export const SPF_SUITE: TestServer = {
  name: "RFC 7208 suite (unpacked from python3-spf)",
  path: existsSync(SUITE_FILE) ? SUITE_FILE : undefined,
  install: "bash tests/setup/debian-test-data.sh",
};

const required = process.env.LB_REQUIRE_SERVERS === "1";

/** True when the tests that need these servers should skip here. */
export function skipWithout(...servers: TestServer[]): boolean {
  const missing = servers.filter((s) => !s.path);
  // Said once per file on stderr too: vitest's summary lists a wholly skipped file without titles.
  for (const s of missing) if (!said.has(s)) said.add(s), console.warn(`${required ? "required but missing" : "skipping"}: no ${s.name} on this machine; install: ${s.install}`);
  return !required && missing.length > 0;
}
const said = new Set<TestServer>();

/** The describe title, with what is missing and how to install it when the block is skipped. */
export function titled(title: string, ...servers: TestServer[]): string {
  const missing = servers.filter((s) => !s.path);
  if (missing.length === 0) return title;
  return `${title} [${required ? "required but missing" : "skipped"}: ${missing.map((s) => `no ${s.name}; install: ${s.install}`).join("; ")}]`;
}
