import { line } from "../client";
import { headersOf, sessionCookieOf } from "../session";
import { is2xx, Findings, type Probe } from "../types";

// CSRF matters where the browser carries the session by itself: cookies. A forged request comes
// from a foreign Origin, carries the cookies, and cannot read or send the CSRF token.

const RUNBOOK = "app-security-finding";
const FOREIGN_ORIGIN = "https://csrf-probe.launch-baseline.invalid";
const bearerOnly = (plan: { auth: { carrier: string } }) => (plan.auth.carrier === "bearer" ? "the session is a bearer token, which a browser never attaches to a cross-site request by itself" : undefined);

export const csrfForeignOrigin: Probe = {
  id: "csrf.foreign-origin",
  area: "CORS and CSRF",
  runbook: RUNBOOK,
  notApplicable: (plan) => bearerOnly(plan) ?? (plan.stateChanging.length ? undefined : "no state-changing route in the probe file (stateChanging)"),
  async run({ plan, client, sessions }) {
    const a = await sessions.get("a");
    const f = new Findings();
    for (const r of plan.stateChanging) {
      const res = await client.json(r.method, r.path, r.body ?? {}, { ...headersOf(client, a, { csrf: false }), origin: FOREIGN_ORIGIN });
      f.evidence.push(line(r.method, r.path, res, `(session cookie, Origin ${FOREIGN_ORIGIN}, no CSRF token)`));
      if (is2xx(res.status)) f.failures.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    return f.verdict(`${plan.stateChanging.length} state-changing route(s) refuse a cross-site request`, "a cross-site request changes state");
  },
};

export const csrfSameSite: Probe = {
  id: "csrf.samesite",
  area: "CORS and CSRF",
  runbook: RUNBOOK,
  notApplicable: bearerOnly,
  async run({ plan, sessions }) {
    const a = await sessions.get("a");
    const name = plan.auth.login.cookie!;
    const { attributes, sameSite } = sessionCookieOf(a.setCookies, name) ?? { attributes: [] };
    const flags = attributes.join(", ");
    const evidence = [`Set-Cookie ${name}: ${flags || "(no attributes)"}`];
    if (sameSite === "lax" || sameSite === "strict") return { status: "pass", summary: `the session cookie is SameSite=${sameSite === "lax" ? "Lax" : "Strict"}`, evidence };
    return { status: "fail", summary: sameSite ? `the session cookie is SameSite=${sameSite}, so browsers send it with cross-site requests` : "the session cookie has no SameSite attribute", evidence };
  },
};
