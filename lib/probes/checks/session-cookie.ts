import { randomBytes } from "node:crypto";
import { line } from "../client";
import { estimatedBits, sessionIdOf } from "../session-entropy";
import { carry, cookieValue, login, sendLogin, sessionCookieOf } from "../session";
import { is2xx, Findings, type Probe, type ProbeEnv } from "../types";

// Cookie sessions as a reviewer tests them: the id set before login must not survive it
// (fixation), the cookie carries Secure, HttpOnly and SameSite, and ids are unguessable.

const RUNBOOK = "app-security-finding";
const cookieOnly = (plan: ProbeEnv["plan"]) => (plan.auth.carrier === "cookie" ? undefined : "bearer tokens carry no session cookie (auth.carrier)");
/** Logins the entropy probe makes; OWASP asks for 64 bits, so under 48 estimated is weak beyond doubt. */
const LOGINS = 20;
const WEAK_BITS = 48;
const WANT_BITS = 64;

const setCookiesOf = (headers: Record<string, string | string[] | undefined>) => [headers["set-cookie"] ?? []].flat();

export const sessionFixation: Probe = {
  id: "session.fixation",
  area: "Authentication",
  runbook: RUNBOOK,
  notApplicable: cookieOnly,
  async run(env) {
    const { plan, client } = env;
    const name = plan.auth.login.cookie!;
    const f = new Findings();
    const pre = await client.json(plan.auth.preLogin.method, plan.auth.preLogin.path, plan.auth.preLogin.body);
    const issued = cookieValue(setCookiesOf(pre.headers), name);
    // Without one from the app, an attacker's own value: an app that adopts it is as fixable.
    const planted = issued ?? randomBytes(24).toString("base64url");
    f.evidence.push(line(plan.auth.preLogin.method, plan.auth.preLogin.path, pre, issued ? `(before login: the app set cookie ${name})` : `(before login: no cookie ${name}; an attacker's own value is planted)`));
    const res = await sendLogin(client, plan.credentials.a, { cookie: `${name}=${planted}` });
    const after = cookieValue(setCookiesOf(res.headers), name);
    f.evidence.push(line(plan.auth.login.method, plan.auth.login.path, res, `(user a, with the pre-login cookie): ${after === undefined ? "no new cookie" : after === planted ? "the same cookie again" : "a new cookie"}`));
    if (!is2xx(res.status)) f.couldNotRun.push(`user a could not log in with a pre-login cookie (${res.status}). Fix: check auth.login`);
    else if (after === undefined || sessionIdOf(after) === sessionIdOf(planted)) {
      const probe = plan.protected[0];
      const check = await client.json(probe.method, probe.path, probe.body, carry(client, planted));
      f.evidence.push(line(probe.method, probe.path, check, "(the pre-login cookie, after login)"));
      if (is2xx(check.status)) f.failures.push(`the session id set before login is signed in after it (${issued ? "the app's own pre-login cookie" : "a value the client chose"})`);
    }
    return f.verdict("login issues a new session id; the one from before login is not signed in", "session fixation");
  },
};

export const sessionCookieFlags: Probe = {
  id: "session.cookie-flags",
  area: "Authentication",
  runbook: RUNBOOK,
  notApplicable: cookieOnly,
  async run({ plan, sessions }) {
    const a = await sessions.get("a");
    const name = plan.auth.login.cookie!;
    const cookie = sessionCookieOf(a.setCookies, name);
    if (!cookie) return { status: "error", summary: `the login answer set no cookie ${name}. Fix: check auth.login.cookie`, evidence: [] };
    const has = (attr: string) => cookie.attributes.some((x) => x.toLowerCase() === attr);
    const { sameSite } = cookie;
    const missing = [!has("secure") && "Secure", !has("httponly") && "HttpOnly", !(sameSite === "lax" || sameSite === "strict") && (sameSite ? `SameSite (it is ${sameSite})` : "SameSite")].filter((x): x is string => Boolean(x));
    const evidence = [`Set-Cookie ${name}: ${cookie.attributes.join(", ") || "no attributes"}`];
    if (missing.length) return { status: "fail", summary: `the session cookie lacks ${missing.join(", ")}`, evidence };
    return { status: "pass", summary: "the session cookie is Secure, HttpOnly and SameSite", evidence };
  },
};

export const sessionEntropy: Probe = {
  id: "session.entropy",
  area: "Authentication",
  runbook: RUNBOOK,
  notApplicable: cookieOnly,
  async run({ client }) {
    const ids: string[] = [];
    for (let i = 0; i < LOGINS; i++) ids.push(sessionIdOf((await login(client, "a")).token));
    const bits = estimatedBits(ids);
    const repeats = LOGINS - new Set(ids).size;
    const evidence = [`${LOGINS} logins as user a: ${new Set(ids).size} distinct session ids, about ${bits} bits of entropy each (estimated per character)`];
    if (repeats) return { status: "fail", summary: `${repeats} of ${LOGINS} logins got a session id another had`, evidence };
    if (bits < WEAK_BITS) return { status: "fail", summary: `session ids carry about ${bits} bits of entropy: guessable (OWASP asks for at least ${WANT_BITS})`, evidence };
    if (bits < WANT_BITS) return { status: "warn", summary: `session ids carry about ${bits} bits of entropy by this estimate, under the ${WANT_BITS} OWASP asks for`, evidence };
    return { status: "pass", summary: `session ids carry about ${bits} bits of entropy`, evidence };
  },
};
