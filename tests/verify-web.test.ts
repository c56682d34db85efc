import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-plan";
import { credentials } from "./helpers/secret-corpus";
import { makeCa, type TestCa } from "./helpers/test-ca";
import { startWebTarget, type Flaw, type WebTarget } from "./helpers/web-servers";

// verify's transport, header, CORS and debug checks against real HTTPS servers on 127.0.0.1 with
// a CA made here: every check passes on the good target and fails on its own flaw.

const HOST = "app.example.com";

async function verify(args: string[]): Promise<{ code: number; doc: { checks: Array<{ id: string; status: string; summary: string }> } }> {
  const run = await runCli("verify", [...args, "--json"]);
  return { code: run.code, doc: JSON.parse(run.stdout) };
}

let ca: TestCa;
const targets: WebTarget[] = [];
async function target(flaw?: Flaw, cert?: { cert: Buffer; key: Buffer }): Promise<string[]> {
  const t = await startWebTarget({ host: HOST, ...(cert ?? ca.issue(HOST)), flaw });
  targets.push(t);
  return ["--url", `https://${HOST}:${t.httpsPort}/`, "--http-port", String(t.httpPort), "--resolve", `${HOST}:${t.httpsPort}:127.0.0.1`, "--resolve", `${HOST}:${t.httpPort}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", "transport,headers,cors,debug"];
}
const statuses = (doc: { checks: Array<{ id: string; status: string }> }) => Object.fromEntries(doc.checks.map((c) => [c.id, c.status]));

beforeAll(() => {
  ca = makeCa();
});
afterAll(async () => {
  await Promise.all(targets.map((t) => t.close()));
});

describe("verify against HTTPS servers on 127.0.0.1", () => {
  it("passes every check on the good target", async () => {
    const r = await verify(await target());
    expect(statuses(r.doc)).toEqual({
      "transport.https-redirect": "pass",
      "transport.hsts": "pass",
      "transport.tls-versions": "pass",
      "transport.certificate": "pass",
      // No alias host named (--canonical or --stack): no redirect to ask for.
      "transport.canonical-redirect": "skip",
      // No origin named (--origin or --stack): nothing to ask directly.
      "transport.origin-direct": "skip",
      "headers.security": "pass",
      "headers.cookies": "pass",
      "cors.untrusted-origin": "pass",
      "cors.origin-variants": "pass",
      "debug.exposure": "pass",
    });
    expect(r.code).toBe(0);
  });

  it.each([
    ["no-redirect", "transport.https-redirect", `plain HTTP is not redirected to https://${HOST}`],
    ["no-hsts", "transport.hsts", "no Strict-Transport-Security header"],
    ["tls-1.0", "transport.tls-versions", "TLS 1.0 or 1.1 is still accepted"],
    ["reflected-cors", "cors.untrusted-origin", "an arbitrary origin is allowed with credentials"],
    ["missing-headers", "headers.security", "missing Content-Security-Policy, X-Content-Type-Options: nosniff, frame-ancestors or X-Frame-Options, Referrer-Policy"],
    ["stack-trace", "debug.exposure", "error pages show a stack trace"],
    ["weak-cookie", "headers.cookies", "cookies without Secure, HttpOnly or SameSite: session"],
  ] as const)("fails %s", async (flaw, id, summary) => {
    const r = await verify(await target(flaw));
    expect(r.code).toBe(1);
    const failed = r.doc.checks.filter((c) => c.status === "fail");
    // A server that reflects any origin fails the near-miss variants too, every one of them.
    const extra = flaw === "reflected-cors" ? [["cors.origin-variants", expect.stringMatching(/^8 origin\(s\) the app does not trust are allowed: https:\/\/untrusted-origin\.example\.net \(an arbitrary origin\) with credentials; null \(the null origin\) with credentials; /)]] : [];
    expect(failed.map((c) => [c.id, c.summary])).toEqual([[id, summary], ...extra]);
  });

  it("secrets.bundle reads the scripts the site serves: clean passes, a leaked key fails masked", async () => {
    const key = credentials().find((c) => c.kind === "google-api-key")!.value;
    const clean = await verify([...(await target()), "--checks", "secrets.bundle"]);
    expect(clean.doc.checks[0]).toMatchObject({ id: "secrets.bundle", status: "pass", summary: "no secret in 2 frontend files" });
    const t = await startWebTarget({ host: HOST, ...ca.issue(HOST), flaw: "leaky-bundle", leakedKey: key });
    targets.push(t);
    const leaky = await verify(["--url", `https://${HOST}:${t.httpsPort}/`, "--resolve", `${HOST}:${t.httpsPort}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", "secrets.bundle"]);
    expect(leaky.doc.checks[0]).toMatchObject({ status: "fail", summary: "1 secret in the frontend (values not shown)", evidence: ["/assets/app.js:1 google-api-key"] });
    expect(JSON.stringify(leaky.doc)).not.toContain(key);
  });

  it("fails an expired certificate and one for another host", async () => {
    const expired = await verify(await target(undefined, ca.issue(HOST, { start: new Date("2020-01-01T00:00:00Z"), end: new Date("2020-02-01T00:00:00Z") })));
    expect(expired.doc.checks.find((c) => c.id === "transport.certificate")).toMatchObject({ status: "fail", summary: "the certificate chain does not validate: CERT_HAS_EXPIRED" });
    const wrongHost = await verify(await target(undefined, ca.issue("other.example.org")));
    expect(wrongHost.doc.checks.find((c) => c.id === "transport.certificate")).toMatchObject({ status: "fail", summary: `the certificate is not valid for ${HOST}` });
  });
});
