import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_HOST, probeEnv, sampleProbeFile, writeProbeFile } from "./helpers/probe-file";
import { runCli } from "./helpers/run-plan";
import { startSampleApp, type SampleApp } from "./helpers/sample-app";
import { makeCa, type TestCa } from "./helpers/test-ca";

// A probe that cannot judge the app (no route, an untrusted certificate, bad test credentials) is
// "could not run": never a failure of the app. When no probe can run, verify exits 2 with one
// line naming the cause and the fix.

let ca: TestCa;
let app: SampleApp;
let file: string;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), "lb-cnr-"));

beforeAll(async () => {
  ca = makeCa();
  app = await startSampleApp({ ...ca.issue(APP_HOST), carrier: "bearer" });
  file = writeProbeFile(dir, sampleProbeFile(app, "bearer"));
  env = probeEnv(app);
});
afterAll(() => app.close());

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const probe = (args: string[], extraEnv: Record<string, string> = {}) => runCli("verify", ["--probes", file, "--checks", "authn,authz", ...args], { ...env, ...extraEnv });

describe("probes that cannot run", () => {
  it("exits 2 naming --resolve when the host cannot be reached", async () => {
    const port = await closedPort();
    const r = await runCli("verify", ["--probes", writeProbeFile(dir, sampleProbeFile({ ...app, port } as SampleApp, "bearer"), "closed.yaml"), "--checks", "authn,authz", "--resolve", `${APP_HOST}:${port}:127.0.0.1`, "--ca-file", ca.caFile], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter((l) => l.startsWith("error:"))).toEqual([`error: no probe could run: cannot reach ${APP_HOST}:${port} (ECONNREFUSED). Fix: give its address with --resolve ${APP_HOST}:${port}:<address>, or check DNS (--dns-server).`]);
  });

  it("exits 2 naming --ca-file when the certificate is not trusted", async () => {
    const r = await probe(["--resolve", `${APP_HOST}:${app.port}:127.0.0.1`]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("error:"))).toEqual([`error: no probe could run: cannot trust the certificate of ${APP_HOST} (UNABLE_TO_VERIFY_LEAF_SIGNATURE). Fix: pass --ca-file with the CA that issued it (a private staging CA), or fix the certificate.`]);
  });

  it("exits 2 naming the credentials' variables when the test users cannot log in, and never prints the password", async () => {
    const wrong = { PROBE_PASSWORD_A: `${env.PROBE_PASSWORD_A}x`, PROBE_PASSWORD_B: `${env.PROBE_PASSWORD_B}x` };
    const r = await runCli("verify", ["--probes", file, "--checks", "authn.anonymous,authn.logout,authn.token-tampering,authz", "--resolve", `${APP_HOST}:${app.port}:127.0.0.1`, "--ca-file", ca.caFile], { ...env, ...wrong });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("error:"))).toEqual([`error: no probe could run: logging in as user a failed: POST /api/auth/login -> 401. Fix: check PROBE_USER_A and PROBE_PASSWORD_A, and auth.login in ${file}.`]);
    expect(r.stdout + r.stderr).not.toContain(wrong.PROBE_PASSWORD_A);
  });

  it("--timeout bounds every probe request, and --budget the whole probe run", async () => {
    // A server that accepts connections and never answers: the file allows 20 s a request, --timeout
    // 200 ms. Honoured, the run takes the process start and 200 ms; ignored, more than 20 s.
    const sockets: import("node:net").Socket[] = [];
    const silent = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as { port: number }).port;
    try {
      const file2 = writeProbeFile(dir, sampleProbeFile({ ...app, port } as SampleApp, "bearer", (d) => void (d.limits.timeoutMs = 20_000)), "silent.yaml");
      const started = Date.now();
      const slow = await runCli("verify", ["--probes", file2, "--checks", "authn.bad-credentials", "--resolve", `${APP_HOST}:${port}:127.0.0.1`, "--ca-file", ca.caFile, "--timeout", "200"], env);
      expect(slow.code).toBe(2);
      expect(slow.stderr.split("\n").filter((l) => l.startsWith("error:"))).toEqual([`error: no probe could run: ${APP_HOST}:${port} did not answer within 200 ms. Fix: check the app is up, or raise limits.timeoutMs (or --timeout).`]);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => silent.close(() => r()));
    }
    const short = await probe(["--resolve", `${APP_HOST}:${app.port}:127.0.0.1`, "--ca-file", ca.caFile, "--budget", "1", "--json"]);
    // Within 1 ms no probe can judge anything: each is cut off (could not run) or never started,
    // none passes or fails. All cut off exits 2; all never started reports them skipped.
    if (short.code === 2) expect(short.stderr).toContain("error: no probe could run: cut off by the verify budget before it finished. Fix: raise --budget (or limits.seconds for probes).\n");
    else {
      const doc = JSON.parse(short.stdout) as { checks: Array<{ status: string; summary: string }> };
      expect(doc.checks.filter((c) => c.status !== "skip" && c.status !== "error")).toEqual([]);
      expect(short.code).toBe(0);
    }
  });

  it("reports a mixed run: what ran is judged, what could not run marks its area not checked, never failed", async () => {
    const r = await runCli("verify", ["--probes", file, "--checks", "authn,authz", "--resolve", `${APP_HOST}:${app.port}:127.0.0.1`, "--ca-file", ca.caFile, "--json"], { ...env, PROBE_PASSWORD_B: "not-the-password" });
    const doc = JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; summary: string }>; scorecard: Array<{ area: string; status: string; reason?: string }> };
    expect(doc.checks.find((c) => c.id === "authz.objects")).toMatchObject({ status: "error", summary: `logging in as user b failed: POST /api/auth/login -> 401. Fix: check PROBE_USER_B and PROBE_PASSWORD_B, and auth.login in ${file}.` });
    expect(doc.checks.find((c) => c.id === "authn.bad-credentials")).toMatchObject({ status: "pass" });
    // authz.admin needs only user a, so it ran: the area is partial, naming what could not run.
    expect(doc.checks.find((c) => c.id === "authz.admin")).toMatchObject({ status: "pass" });
    expect(doc.scorecard.find((a) => a.area === "Authorization")).toEqual({ area: "Authorization", status: "partial", reason: "authz.objects could not run; authz.tenant-selectors could not run; authz.escalation could not run" });
    expect(doc.scorecard.find((a) => a.area === "Authentication")).toMatchObject({ status: "pass" });
    expect(r.code).toBe(0);
  });
});
