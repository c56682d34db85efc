import { fetchOnce, headerValue, lookupHost } from "../http";
import type { Check, VerifyContext } from "../types";

// CORS as the specialist tools test it: from each origin the app trusts, the near misses a
// careless allow-list lets through (a suffix appended, a look-alike domain, an unescaped dot, the
// http:// form, a sibling subdomain), `null`, and a preflight with an unusual method and header.
// Each origin wrongly allowed is named, with whether credentials came with it.


/** The origins a request could claim that none of `trusted` should allow. */
export function corsVariants(trusted: readonly string[]): Array<{ origin: string; what: string }> {
  const out: Array<{ origin: string; what: string }> = [{ origin: "https://untrusted-origin.example.net", what: "an arbitrary origin" }, { origin: "null", what: "the null origin" }];
  for (const t of trusted) {
    const u = new URL(t);
    const host = u.hostname;
    const parent = host.split(".").slice(1).join(".");
    out.push(
      { origin: `${u.origin}.attacker.test`, what: `${t} with a suffix appended` },
      { origin: `https://attacker${host}`, what: `a domain ending in ${host}` },
      ...(host.includes(".") ? [{ origin: `https://${host.replace(".", "X")}`, what: `${host} with its dot as any character (unescaped regex)` }] : []),
      ...(u.protocol === "https:" ? [{ origin: `http://${u.host}`, what: `the http:// form of ${t}` }] : []),
      ...(parent.includes(".") ? [{ origin: `https://untrusted-sibling.${parent}`, what: `a sibling subdomain of ${host}` }] : []),
    );
  }
  const allowed = new Set(trusted.map((t) => new URL(t).origin));
  const seen = new Set<string>();
  return out.filter((v) => !allowed.has(v.origin) && !seen.has(v.origin) && seen.add(v.origin));
}

export const corsOriginVariants: Check = {
  id: "cors.origin-variants",
  needs: "url",
  area: "CORS and CSRF",
  runbook: "app-security-finding",
  async run(ctx: VerifyContext) {
    const opts = { ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h: string) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs };
    const trusted = ctx.trustedOrigins?.length ? ctx.trustedOrigins : [new URL(ctx.url!).origin];
    const wrong: string[] = [];
    const evidence: string[] = [];
    const judge = (origin: string, what: string, h: Record<string, string | string[] | undefined>, how: string) => {
      const allow = headerValue(h, "access-control-allow-origin");
      const credentials = headerValue(h, "access-control-allow-credentials").toLowerCase() === "true";
      const allowed = allow === origin || (allow === "*" && origin !== "null");
      evidence.push(`${how} Origin: ${origin} (${what}) -> ${allow ? `Access-Control-Allow-Origin: ${allow}` : "not allowed"}${allowed ? `, credentials ${credentials ? "allowed" : "not allowed"}` : ""}`);
      if (allowed && !(allow === "*" && !credentials && what === "an arbitrary origin")) wrong.push(`${origin} (${what})${credentials ? " with credentials" : ""}`);
    };
    for (const v of corsVariants(trusted)) judge(v.origin, v.what, (await fetchOnce(ctx.url!, { ...opts, headers: { origin: v.origin } })).headers, "GET");
    const pre = await fetchOnce(ctx.url!, { ...opts, method: "OPTIONS", headers: { origin: "https://untrusted-origin.example.net", "access-control-request-method": "DELETE", "access-control-request-headers": "x-launch-probe" } });
    judge("https://untrusted-origin.example.net", "a preflight for DELETE with a custom header", pre.headers, "OPTIONS");
    if (wrong.length) return { status: "fail", summary: `${wrong.length} origin(s) the app does not trust are allowed: ${wrong.join("; ")}`, evidence };
    return { status: "pass", summary: `none of ${evidence.length} untrusted origin variants is allowed (trusted: ${trusted.join(", ")})`, evidence };
  },
};
