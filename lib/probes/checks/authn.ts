import { randomBytes } from "node:crypto";
import { line } from "../client";
import { tamperedTokens } from "../jwt";
import { carry, headersOf, login, logout, sendLogin } from "../session";
import { is2xx, Findings, type Probe, type ProbeEnv } from "../types";

// Authentication: login needs valid credentials, protected routes need a session, and a session
// ends at logout; tokens that were altered, unsigned or expired are refused.

const RUNBOOK = "app-security-finding";
const refused = (s: number) => s === 401 || s === 403;

/** The first protected route as some headers see it; used as the control and the test. */
async function callProtected(env: ProbeEnv, headers: Record<string, string>) {
  const route = env.plan.protected[0];
  const res = await env.client.json(route.method, route.path, route.body, headers);
  return { route, res };
}

export const authnBadCredentials: Probe = {
  id: "authn.bad-credentials",
  area: "Authentication",
  runbook: RUNBOOK,
  async run({ plan, client }) {
    // User a's name with a random wrong password: one attempt, far from any lockout threshold.
    const res = await sendLogin(client, { username: plan.credentials.a.username, password: randomBytes(12).toString("base64url") });
    const evidence = [line(plan.auth.login.method, plan.auth.login.path, res, "(user a, wrong password)")];
    if (is2xx(res.status)) return { status: "fail", summary: `a wrong password logs in (${res.status})`, evidence };
    if (res.status >= 500) return { status: "fail", summary: `a wrong password makes the login fail with ${res.status}`, evidence };
    return { status: "pass", summary: `a wrong password is refused (${res.status})`, evidence };
  },
};

export const authnAnonymous: Probe = {
  id: "authn.anonymous",
  area: "Authentication",
  runbook: RUNBOOK,
  async run({ plan, client, sessions }) {
    const f = new Findings();
    const a = await sessions.get("a");
    for (const r of plan.protected) {
      const anon = await client.json(r.method, r.path, r.body);
      f.evidence.push(line(r.method, r.path, anon, "(no session)"));
      if (is2xx(anon.status)) f.failures.push(`${r.method} ${r.path} answers ${anon.status} without a session`);
      else if (!refused(anon.status) && !(anon.status >= 300 && anon.status < 400)) f.warnings.push(`${r.method} ${r.path} answers ${anon.status} without a session (expected 401 or 403)`);
      const own = await client.json(r.method, r.path, r.body, headersOf(client, a));
      f.evidence.push(line(r.method, r.path, own, "(user a)"));
      if (!is2xx(own.status)) f.warnings.push(`${r.method} ${r.path} refuses user a too (${own.status}): the probe file may name the wrong route`);
    }
    return f.verdict(`${plan.protected.length} protected route(s) refuse calls without a session`, "a protected route answers without a session");
  },
};

export const authnLogout: Probe = {
  id: "authn.logout",
  area: "Authentication",
  runbook: RUNBOOK,
  async run(env) {
    const { plan, client } = env;
    // Its own session: logging out must not end the one the other probes share.
    const s = await login(client, "a");
    const before = await callProtected(env, headersOf(client, s));
    const status = await logout(client, s);
    const after = await callProtected(env, headersOf(client, s));
    const { route } = after;
    const evidence = [line(route.method, route.path, before.res, "(before logout)"), `${plan.auth.logout.method} ${plan.auth.logout.path} -> ${status}`, line(route.method, route.path, after.res, "(same token after logout)")];
    if (!is2xx(before.res.status)) return { status: "warn", summary: `the session was refused before logout (${before.res.status}); check protected[0] in the probe file`, evidence };
    if (is2xx(after.res.status)) return { status: "fail", summary: `the token still works after logout (${after.res.status})`, evidence };
    return { status: "pass", summary: `the token is refused after logout (${after.res.status})`, evidence };
  },
};

export const authnTokenTampering: Probe = {
  id: "authn.token-tampering",
  area: "Authentication",
  runbook: RUNBOOK,
  async run(env) {
    const { plan, client, sessions } = env;
    const a = await sessions.get("a");
    const control = await callProtected(env, headersOf(client, a));
    const { route } = control;
    const f = new Findings();
    f.evidence.push(line(route.method, route.path, control.res, "(token as issued)"));
    if (!is2xx(control.res.status)) return { status: "warn", summary: `the untampered token was refused (${control.res.status}); check protected[0] in the probe file`, evidence: f.evidence };
    const variants = [...tamperedTokens(a.token), ...(plan.expiredToken ? [{ name: "expired token (auth.expiredTokenEnv)", token: plan.expiredToken }] : [])];
    for (const v of variants) {
      const { res } = await callProtected(env, carry(client, v.token, { csrfToken: a.csrfToken }));
      f.evidence.push(line(route.method, route.path, res, `(${v.name})`));
      if (is2xx(res.status)) f.failures.push(`${v.name} accepted (${res.status})`);
    }
    const tampered = variants.length - (plan.expiredToken ? 1 : 0);
    const expiry = plan.expiredToken ? "and the expired token refused" : "expiry not tested (set auth.expiredTokenEnv to a token the app signed whose exp has passed)";
    return f.verdict(`${tampered} tampered token(s) refused; ${expiry}`, "a tampered or expired token is accepted");
  },
};
