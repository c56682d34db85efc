import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ProbeClient } from "../lib/probes/client";
import { loadProbeFile } from "../lib/probes/probe-file";
import { APP_HOST, probeEnv, sampleProbeFile, writeProbeFile } from "./helpers/probe-file";
import { runCli, type CliResult } from "./helpers/run-plan";
import { startSampleApp, type AppFlaw, type SampleApp } from "./helpers/sample-app";
import { makeCa, type TestCa } from "./helpers/test-ca";

// verify --probes against the sample app on 127.0.0.1 over HTTPS: every probe passes on the fixed
// app and fails (or warns, where the issue says a hint) on the flaw it exists to catch.

interface Doc {
  checks: Array<{ id: string; area: string; status: string; summary: string; evidence: string[] }>;
  scorecard: Array<{ area: string; status: string }>;
}

let ca: TestCa;
let cert: { cert: Buffer; key: Buffer };
const dir = mkdtempSync(join(tmpdir(), "lb-probes-"));

beforeAll(() => {
  ca = makeCa();
  cert = ca.issue(APP_HOST);
});

/** Starts the sample app with some flaws, runs verify --probes against it, and stops the app. */
async function runProbes(carrier: "bearer" | "cookie", flaws: AppFlaw[], opts: { checks?: string; json?: boolean; edit?: (doc: Record<string, any>) => void; resetOversized?: boolean } = {}): Promise<{ run: CliResult; app: SampleApp; env: Record<string, string> }> {
  const app = await startSampleApp({ ...cert, carrier, flaws, resetOversized: opts.resetOversized });
  try {
    const file = writeProbeFile(dir, sampleProbeFile(app, carrier, opts.edit), `probes-${carrier}-${flaws.join("-") || "fixed"}.yaml`);
    const env = probeEnv(app);
    const run = await runCli("verify", ["--probes", file, "--resolve", `${APP_HOST}:${app.port}:127.0.0.1`, "--ca-file", ca.caFile, ...(opts.json === false ? [] : ["--json"]), ...(opts.checks ? ["--checks", opts.checks] : [])], env);
    return { run, app, env };
  } finally {
    await app.close();
  }
}

async function probe(carrier: "bearer" | "cookie", flaws: AppFlaw[], checks?: string, edit?: (doc: Record<string, any>) => void): Promise<{ run: CliResult; doc: Doc; app: SampleApp; env: Record<string, string> }> {
  const r = await runProbes(carrier, flaws, { checks, edit });
  try {
    return { ...r, doc: JSON.parse(r.run.stdout) };
  } catch {
    throw new Error(`verify printed no JSON (exit ${r.run.code}): ${r.run.stderr.slice(0, 400)}`);
  }
}
const status = (doc: Doc, id: string) => doc.checks.find((c) => c.id === id);

/** Neither the passwords nor any token the app issued appear anywhere in what verify printed. */
function expectNoCredentials(run: CliResult, env: Record<string, string>) {
  const out = run.stdout + run.stderr;
  for (const k of ["PROBE_PASSWORD_A", "PROBE_PASSWORD_B", "PROBE_EXPIRED_TOKEN"]) expect(out).not.toContain(env[k]);
  expect(out).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
}

describe("probes on the fixed app", () => {
  it("bearer tokens: every probe passes; the CSRF probes do not apply", async () => {
    const { run, doc, env, app } = await probe("bearer", []);
    // The whole run stays inside the file's request budget (limits.requests, 1000 by default).
    const sent = [...app.hits.values()].reduce((a, b) => a + b, 0);
    expect(sent).toBeGreaterThan(100);
    expect(sent).toBeLessThanOrEqual(1000);
    expect(Object.fromEntries(doc.checks.map((c) => [c.id, c.status]))).toEqual({
      "authn.bad-credentials": "pass",
      "authn.anonymous": "pass",
      "authn.logout": "pass",
      "authn.token-tampering": "pass",
      "authn.password-reset": "skip",
      "authn.weak-signing-key": "pass",
      "authn.enumeration": "skip",
      "authz.objects": "pass",
      "authz.tenant-selectors": "pass",
      "authz.admin": "pass",
      "authz.escalation": "pass",
      "cache.private-responses": "pass",
      "flows.invite": "skip",
      "flows.password-change": "skip",
      "flows.signup-mass-assignment": "skip",
      "csrf.foreign-origin": "skip",
      "csrf.samesite": "skip",
      "input.malformed-json": "pass",
      "input.wrong-types": "pass",
      "input.oversized": "pass",
      "input.unknown-fields": "pass",
      "latency.p95": "pass",
      "ratelimit.burst": "pass",
      "session.cookie-flags": "skip",
      "session.entropy": "skip",
      "session.fixation": "skip",
      "session.token-lifecycle": "pass",
    });
    expect(run.code).toBe(0);
    expect(status(doc, "authn.token-tampering")!.evidence).toEqual([
      "GET /api/me -> 200 (token as issued)",
      "GET /api/me -> 401 (signature altered)",
      "GET /api/me -> 401 (alg none)",
      "GET /api/me -> 401 (claims altered (exp in the past), original signature)",
      "GET /api/me -> 401 (expired token (auth.expiredTokenEnv))",
    ]);
    // The batch routes answer b with 200 and an empty list: correct, so not a leak.
    expect(status(doc, "authz.objects")!.evidence).toEqual([
      "GET /api/posts/101 -> 200 (user a, the owner; fingerprint: 1 distinct value(s))",
      "GET /api/posts/101 -> 404 (user b, id in the path): a's object absent",
      "PATCH /api/posts/101 -> 404 (user b, id in the path)",
      "GET /api/posts?id=101 -> 404 (user b, id in the query): a's object absent",
      "POST /api/posts/lookup -> 404 (user b, id in the body (id)): a's object absent",
      "GET /api/posts/batch?ids=101,0 -> 200 (user b, ids in the query, several at once): a's object absent",
      "POST /api/posts/search -> 200 (user b, ids in the body (ids), several at once): a's object absent",
      "DELETE /api/posts/101 -> 404 (user b, id in the path)",
    ]);
    // Six logins happened before the burst (a, b, a for logout, one wrong password): the limit of 10 meets request 5.
    expect(status(doc, "ratelimit.burst")!.evidence[0]).toMatch(/^POST \/api\/auth\/login -> 429 after \d+ request\(s\) \(\d+x 401, 1x 429\); threshold 10, Retry-After: 60$/);
    expect(doc.scorecard.filter((a) => ["Authentication", "Authorization", "Input validation", "Rate limiting"].includes(a.area)).map((a) => a.status)).toEqual(["pass", "pass", "pass", "pass"]);
    expectNoCredentials(run, env);
  });

  it("cookie sessions: the CSRF probes pass too", async () => {
    const { run, doc, env } = await probe("cookie", [], "authn,authz,csrf,input");
    expect(doc.checks.map((c) => `${c.id} ${c.status}`)).toEqual([
      "authn.bad-credentials pass",
      "authn.anonymous pass",
      "authn.logout pass",
      "authn.token-tampering pass",
      "authn.password-reset skip",
      "authn.weak-signing-key pass",
      "authz.objects pass",
      "authz.tenant-selectors pass",
      "authz.admin pass",
      "authz.escalation pass",
      "csrf.foreign-origin pass",
      "csrf.samesite pass",
      "input.malformed-json pass",
      "input.wrong-types pass",
      "input.oversized pass",
      "input.unknown-fields pass",
      // Opt-in (it sends many failed logins), so the sample probe file leaves it out.
      "authn.enumeration skip",
    ]);
    expect(status(doc, "csrf.foreign-origin")!.evidence).toEqual(["POST /api/posts -> 403 (session cookie, Origin https://csrf-probe.launch-baseline.invalid, no CSRF token)"]);
    expect(run.code).toBe(0);
    expectNoCredentials(run, env);
  });
});

// Each flaw, the probe that must catch it, and what it must say.
const CAUGHT: Array<[AppFlaw, "bearer" | "cookie", string, "fail" | "warn", RegExp]> = [
  ["any-password", "bearer", "authn.bad-credentials", "fail", /^a wrong password logs in \(200\)$/],
  ["open-me", "bearer", "authn.anonymous", "fail", /^a protected route answers without a session: GET \/api\/me answers 200 without a session$/],
  ["logout-ignored", "bearer", "authn.logout", "fail", /^the token still works after logout \(200\)$/],
  ["alg-none", "bearer", "authn.token-tampering", "fail", /^a tampered or expired token is accepted: alg none accepted \(200\)$/],
  ["exp-ignored", "bearer", "authn.token-tampering", "fail", /^a tampered or expired token is accepted: expired token \(auth\.expiredTokenEnv\) accepted \(200\)$/],
  ["idor-posts", "bearer", "authz.objects", "fail", /^user b reaches user a's objects: user b GET posts 101 \(id in the path\) -> 200 with a's object; user b PATCH posts 101 \(id in the path\) -> 200; user b GET posts 101 \(id in the query\) -> 200 with a's object \(\+2 more\)$/],
  ["batch-unfiltered", "bearer", "authz.objects", "fail", /^user b reaches user a's objects: user b GET posts 101 \(ids in the query, several at once\) -> 200 with a's object; user b POST posts 101 \(ids in the body \(ids\), several at once\) -> 200 with a's object$/],
  ["admin-open", "bearer", "authz.admin", "fail", /^an admin route answers a non-admin: GET \/api\/admin\/users -> 200$/],
  // The admin route refuses a member's real token, so authz.admin passes: only forged claims show it.
  ["admin-decoded-claims", "bearer", "authz.escalation", "fail", /^a forged token raises privilege: GET \/api\/admin\/users accepts a forged token \(alg none\) -> 200; GET \/api\/admin\/users accepts a forged token \(original signature\) -> 200; GET \/api\/admin\/users accepts a forged token \(HS256 with an empty key\) -> 200 \(\+7 more\)$/],
  ["admin-decoded-claims", "cookie", "authz.escalation", "fail", /^a forged token raises privilege: GET \/api\/admin\/users accepts a forged session cookie \(alg none\) -> 200;/],
  ["alg-none", "bearer", "authz.escalation", "fail", /^a forged token raises privilege: GET \/api\/admin\/users accepts a forged token \(alg none\) -> 200; GET \/api\/posts\/101 gives a's posts to a forged token \(alg none\)$/],
  ["no-cache-control", "bearer", "cache.private-responses", "fail", /^a private response can be cached for others: GET \/api\/me answers user a without Cache-Control private or no-store$/],
  ["shared-cache-by-extension", "bearer", "cache.private-responses", "fail", /^a private response can be cached for others: GET \/api\/me\/x\.css serves a's data to an anonymous visitor \(web cache deception\)$/],
  ["csrf-unprotected", "cookie", "csrf.foreign-origin", "fail", /^a cross-site request changes state: POST \/api\/posts -> 201$/],
  ["samesite-none", "cookie", "csrf.samesite", "fail", /^the session cookie is SameSite=none, so browsers send it with cross-site requests$/],
  ["no-login-rate-limit", "bearer", "ratelimit.burst", "fail", /^an abuse-prone endpoint is not limited: POST \/api\/auth\/login: no 429 within 15 requests \(threshold 10\)$/],
  ["no-retry-after", "bearer", "ratelimit.burst", "warn", /^POST \/api\/auth\/login answers 429 without Retry-After$/],
  ["stack-trace-on-bad-json", "bearer", "input.malformed-json", "fail", /^malformed JSON is not refused cleanly: POST \/api\/posts malformed JSON -> 500 with a stack trace; POST \/api\/auth\/signup malformed JSON -> 500 with a stack trace$/],
  ["express-error-page", "bearer", "input.malformed-json", "fail", /^malformed JSON is not refused cleanly: POST \/api\/posts malformed JSON -> 400 with a stack trace \(Express's default error page\); POST \/api\/auth\/signup malformed JSON -> 400 with a stack trace \(Express's default error page\)$/],
  ["no-type-checks", "bearer", "input.wrong-types", "fail", /^a field of the wrong type is accepted: POST \/api\/posts accepts title as a number \(201\); POST \/api\/posts accepts text as a number \(201\); POST \/api\/auth\/signup accepts email as a number \(201\) \(\+2 more\)$/],
  ["no-body-limit", "bearer", "input.oversized", "fail", /^an oversized body is accepted: POST \/api\/posts accepts oversized body \(66592 bytes, limit 65536\) \(201\); POST \/api\/auth\/signup accepts oversized body \(1049684 bytes, limit 1048576\) \(201\)$/],
  ["unknown-fields-accepted", "bearer", "input.unknown-fields", "fail", /^unknown fields are accepted: POST \/api\/posts accepts unknown fields \(role, orgId, isAdmin\) \(201\); POST \/api\/auth\/signup accepts unknown fields \(role, orgId, isAdmin\) \(201\)$/],
  ["slow-feed", "bearer", "latency.p95", "fail", /^p95 over 500 ms: feed p95 ([6-9]\d\d|\d{4,}) ms > 500 ms$/],
];

describe("each probe catches its flaw", () => {
  it.each(CAUGHT)("%s: %s %s", async (flaw, carrier, id, expected, summary) => {
    // 20 requests of 600 ms at concurrency 5 are enough to see the slow feed.
    const { run, doc, env } = await probe(carrier, [flaw], id, (f) => (f.latency.requests = 20));
    const check = status(doc, id)!;
    expect(check.status).toBe(expected);
    expect(check.summary).toMatch(summary);
    expect(run.code).toBe(expected === "fail" ? 1 : 0);
    expectNoCredentials(run, env);
  });
});

describe("safety", () => {
  it("stops at the request budget: the probes past it could not run, with the reason, and the app saw no more", async () => {
    const { doc, run, app } = await probe("bearer", [], undefined, (d) => (d.limits.requests = 8));
    expect([...app.hits.values()].reduce((a, b) => a + b, 0)).toBe(8);
    expect(status(doc, "authz.objects")).toMatchObject({ status: "error", summary: "the request budget (limits.requests: 8) is spent" });
    expect(status(doc, "ratelimit.burst")).toMatchObject({ status: "error", summary: "the request budget (limits.requests: 8) is spent" });
    expect(run.code).toBe(0);
  });

  it("refuses a request to a host outside allowedHosts at run time, before connecting", async () => {
    const app = await startSampleApp({ ...cert, carrier: "bearer" });
    try {
      const plan = loadProbeFile(writeProbeFile(dir, sampleProbeFile(app, "bearer"), "probes-guard.yaml"), probeEnv(app));
      const client = new ProbeClient(plan, { resolve: new Map([[`elsewhere.example:${app.port}`, "127.0.0.1"]]), lookupHost: () => Promise.reject(new Error("no lookups")), ca: readFileSync(ca.caFile) });
      await expect(client.send({ method: "GET", path: `https://elsewhere.example:${app.port}/api/me` })).rejects.toThrow("refused to contact elsewhere.example: not in allowedHosts");
      expect(client.requestsSent).toBe(0);
      expect(app.hits.size).toBe(0);
    } finally {
      await app.close();
    }
  });
});

describe("input.oversized", () => {
  it("counts a connection dropped on an oversized body as refused", async () => {
    const { run } = await runProbes("bearer", [], { checks: "input.oversized", resetOversized: true });
    const check = status(JSON.parse(run.stdout), "input.oversized")!;
    expect(check.status).toBe("pass");
    expect(check.evidence).toEqual(["POST /api/posts -> connection closed (oversized body (66592 bytes, limit 65536))", "POST /api/auth/signup -> connection closed (oversized body (1049684 bytes, limit 1048576))"]);
  });
});

describe("the text report", () => {
  it("shows the evidence of a failing probe under its runbook, without credentials", async () => {
    const { run, env } = await runProbes("bearer", ["idor-posts"], { checks: "authz", json: false });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        "        runbook: runbooks/app-security-finding.md",
        "        - GET /api/posts/101 -> 200 (user a, the owner; fingerprint: 1 distinct value(s))",
        "        - GET /api/posts/101 -> 200 (user b, id in the path): a's object present (1 of a's values)",
        "        - PATCH /api/posts/101 -> 200 (user b, id in the path)",
        "        - GET /api/posts?id=101 -> 200 (user b, id in the query): a's object present (1 of a's values)",
        "        - POST /api/posts/lookup -> 200 (user b, id in the body (id)): a's object present (1 of a's values)",
        "        - GET /api/posts/batch?ids=101,0 -> 200 (user b, ids in the query, several at once): a's object absent",
        "        - POST /api/posts/search -> 200 (user b, ids in the body (ids), several at once): a's object absent",
        "        - DELETE /api/posts/101 -> 204 (user b, id in the path)",
        "  pass  authz.tenant-selectors  12 request(s) naming the other tenant got none of its data (common selectors header X-Org-Id, header X-Tenant-Id, header X-Organization, query org, query orgId, query tenant, on reads only)",
        "  pass  authz.admin             1 admin route(s) refuse a non-admin",
        // b deleted a's post, so a's forged-token view has nothing left to compare with.
        "  error  authz.escalation        could not run: user a cannot read GET /api/posts/101 (status 404), so a forged token's answer has nothing to compare with. Fix: set the object's id to one user a owns",
      ].join("\n"),
    );
    expect(run.stderr).toContain("probes sent ");
    expectNoCredentials(run, env);
  });
});
