import { line } from "../client";
import { claimsOf } from "../jwt";
import { carry, fillTemplate, login } from "../session";
import { is2xx, Findings, type Probe } from "../types";
import { parseJsonOr, valueAt } from "../../json";

// Bearer tokens over their life: an access token expires (and soon), an expired one is refused on
// every protected route, and a refresh token rotates on use and is refused when used again, the
// way OAuth 2.0 Security BCP (RFC 9700, 4.14) asks of refresh tokens given to public clients.

export const sessionTokenLifecycle: Probe = {
  id: "session.token-lifecycle",
  area: "Authentication",
  runbook: "app-security-finding",
  notApplicable: (plan) => (plan.auth.carrier === "bearer" ? undefined : "cookie sessions end at the server (authn.logout, flows.password-change)"),
  async run({ plan, client }) {
    const f = new Findings();
    const notes: string[] = [];
    const s = await login(client, "a");
    const claims = claimsOf(s.token);
    if (!claims) notes.push("the access token is opaque, so its lifetime cannot be read");
    else if (typeof claims.exp !== "number") f.failures.push("the access token has no exp: it never expires");
    else {
      const hours = (claims.exp - (typeof claims.iat === "number" ? claims.iat : Date.now() / 1000)) / 3600;
      f.evidence.push(`access token lifetime: ${hours.toFixed(2)} h`);
      if (hours > plan.auth.maxTokenHours) f.failures.push(`the access token lives ${hours.toFixed(1)} h, over auth.maxTokenHours (${plan.auth.maxTokenHours})`);
    }
    if (plan.expiredToken) {
      for (const r of plan.protected) {
        const res = await client.json(r.method, r.path, r.body, carry(client, plan.expiredToken));
        f.evidence.push(line(r.method, r.path, res, "(expired token, auth.expiredTokenEnv)"));
        if (is2xx(res.status)) f.failures.push(`${r.method} ${r.path} accepts an expired token`);
      }
    } else notes.push("expired tokens not tested (auth.expiredTokenEnv)");
    const refresh = plan.auth.refresh;
    if (!refresh || !s.refreshToken) notes.push(refresh ? "the login gave no refresh token (auth.login.refreshToken)" : "refresh not tested (auth.refresh)");
    else {
      const use = (token: string) => client.json(refresh.method, refresh.path, fillTemplate(refresh.body, { refreshToken: token }));
      const first = await use(s.refreshToken);
      const next = valueAt(parseJsonOr(first.body, undefined), refresh.refreshToken.split("."));
      f.evidence.push(line(refresh.method, refresh.path, first, `(refresh token from login): ${typeof next !== "string" ? "no refresh token back" : next === s.refreshToken ? "the same refresh token back" : "a new refresh token"}`));
      if (!is2xx(first.status)) f.couldNotRun.push(`the refresh token from login was refused (${first.status}). Fix: check auth.refresh and auth.login.refreshToken`);
      else {
        if (next === s.refreshToken) f.failures.push("refresh hands back the same refresh token: it never rotates");
        const again = await use(s.refreshToken);
        f.evidence.push(line(refresh.method, refresh.path, again, "(the used refresh token again)"));
        if (is2xx(again.status) && next !== s.refreshToken) f.failures.push("a used refresh token buys another access token");
      }
    }
    return f.verdict(`access tokens expire and are refused once expired${refresh ? "; refresh tokens rotate and are single-use" : ""}${notes.length ? `; ${notes.join("; ")}` : ""}`, "tokens outlive their use");
  },
};
