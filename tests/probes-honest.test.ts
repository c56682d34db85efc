import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_HOST, probeEnv, sampleProbeFile, writeProbeFile } from "./helpers/probe-file";
import { runCli } from "./helpers/run-plan";
import { startSampleApp, type AppFlaw } from "./helpers/sample-app";
import { makeCa, type TestCa } from "./helpers/test-ca";

// The probes say only what they tested: expiry is tested only with a genuinely expired token,
// routes resolve under a base URL with a path, and evidence names attributes, never values.

interface Doc {
  checks: Array<{ id: string; status: string; summary: string; evidence: string[] }>;
}

let ca: TestCa;
let cert: { cert: Buffer; key: Buffer };
const dir = mkdtempSync(join(tmpdir(), "lb-honest-"));
beforeAll(() => {
  ca = makeCa();
  cert = ca.issue(APP_HOST);
});

async function run(carrier: "bearer" | "cookie", flaws: AppFlaw[], checks: string, edit: (doc: Record<string, any>) => void = () => {}, envEdit: (env: Record<string, string>) => void = () => {}) {
  const app = await startSampleApp({ ...cert, carrier, flaws });
  try {
    const file = writeProbeFile(dir, sampleProbeFile(app, carrier, edit), `p-${carrier}-${flaws.join("-")}-${checks}.yaml`);
    const env = probeEnv(app);
    envEdit(env);
    const r = await runCli("verify", ["--probes", file, "--resolve", `${APP_HOST}:${app.port}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", checks, "--json"], env);
    return { ...r, file, doc: r.code === 2 ? undefined : (JSON.parse(r.stdout) as Doc) };
  } finally {
    await app.close();
  }
}

const TAMPERED = ["signature altered", "alg none", "claims altered (exp in the past), original signature"];

describe("authn.token-tampering says what it tested", () => {
  it("without an expired token, an app that ignores exp passes tampering and is told expiry was not tested", async () => {
    const r = await run("bearer", ["exp-ignored"], "authn.token-tampering", (d) => delete d.auth.expiredTokenEnv);
    const c = r.doc!.checks[0];
    expect(c).toMatchObject({ status: "pass", summary: "3 tampered token(s) refused; expiry not tested (set auth.expiredTokenEnv to a token the app signed whose exp has passed)" });
    expect(c.evidence).toEqual(["GET /api/me -> 200 (token as issued)", ...TAMPERED.map((v) => `GET /api/me -> 401 (${v})`)]);
  });

  it("with an expired token, the same app fails on it, each variant with its own result", async () => {
    const r = await run("bearer", ["exp-ignored"], "authn.token-tampering");
    const c = r.doc!.checks[0];
    expect(c.status).toBe("fail");
    expect(c.evidence).toEqual(["GET /api/me -> 200 (token as issued)", ...TAMPERED.map((v) => `GET /api/me -> 401 (${v})`), "GET /api/me -> 200 (expired token (auth.expiredTokenEnv))"]);
  });

  it.each([
    ["junk", () => "not-a-token", "PROBE_EXPIRED_TOKEN does not hold a JWT with an exp claim (its value is not shown). Fix: export a token the app signed, whose exp is in the past."],
    ["a token that has not expired", () => { const b = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url"); return `${b({ alg: "HS256", typ: "JWT" })}.${b({ sub: "u", exp: 4102444800 })}.${"s".repeat(43)}`; }, "PROBE_EXPIRED_TOKEN holds a JWT whose exp has not passed yet (2100-01-01T00:00:00.000Z). Fix: export a token the app signed, whose exp is in the past."],
  ])("refuses %s in expiredTokenEnv with exit 2, before sending anything", async (_, value, message) => {
    const token = value();
    const r = await run("bearer", [], "authn.token-tampering", () => {}, (env) => (env.PROBE_EXPIRED_TOKEN = token));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${message}\n`);
    expect(r.stderr).not.toContain(token);
  });
});

describe("routes and evidence", () => {
  it("resolves routes under a base URL with a path, as docs/probes.md says", async () => {
    const strip = (p: string) => p.replace(/^\/api\//, "/");
    const r = await run("bearer", [], "authn,authz", (d) => {
      d.baseUrl = `${d.baseUrl}/api/`;
      d.auth.login.path = strip(d.auth.login.path);
      d.auth.logout.path = strip(d.auth.logout.path);
      d.auth.signup.path = strip(d.auth.signup.path);
      d.protected = d.protected.map((x: { path: string }) => ({ ...x, path: strip(x.path) }));
      d.objects = d.objects.map((o: any) => ({ ...o, path: strip(o.path), query: strip(o.query), body: { ...o.body, path: strip(o.body.path) }, lookups: o.lookups.map((l: { path: string }) => ({ ...l, path: strip(l.path) })) }));
      d.admin = d.admin.map((x: { path: string }) => ({ ...x, path: strip(x.path) }));
    });
    expect(r.doc!.checks.map((c) => `${c.id} ${c.status}`)).toEqual(["authn.bad-credentials pass", "authn.anonymous pass", "authn.logout pass", "authn.token-tampering pass", "authn.password-reset skip", "authn.weak-signing-key pass", "authz.objects pass", "authz.tenant-selectors pass", "authz.admin pass", "authz.escalation pass", "authn.enumeration skip"]);
  });

  it("names the session cookie's attributes once, with SameSite's value", async () => {
    const r = await run("cookie", [], "csrf.samesite");
    expect(r.doc!.checks[0]).toMatchObject({ status: "pass", evidence: ["Set-Cookie session: Path, HttpOnly, Secure, SameSite=Lax"] });
  });
});
