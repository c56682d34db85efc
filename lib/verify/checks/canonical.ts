import { fetchOnce, lookupHost } from "../http";
import type { Check, VerifyContext } from "../types";
import { CouldNotRun } from "../types";

// transport.canonical-redirect: each alias host (www) sends a visitor to the canonical host with
// a permanent status and exactly the path and query asked for, as the stack's redirect rule does
// (components/edge/redirect-rule.ts). A redirect that drops the path sends every deep link to the
// home page; a temporary one never settles browsers and crawlers on one origin.

/** A path and query no app serves, so an answer can only come from the redirect. */
const PROBE_PATH = "/launch-baseline/canonical-check?from=verify&n=1";

/** Where each alias is asked: the port of a --url naming it, or of a --resolve entry for it, else 443. */
function aliasUrl(ctx: VerifyContext, alias: string): string {
  const port = (ctx.urls ?? []).map((u) => new URL(u)).find((u) => u.hostname === alias)?.port || [...ctx.resolve.keys()].find((k) => k.startsWith(`${alias}:`))?.slice(alias.length + 1);
  return `https://${alias}${port && port !== "443" ? `:${port}` : ""}${PROBE_PATH}`;
}

export const transportCanonicalRedirect: Check = {
  id: "transport.canonical-redirect",
  needs: "canonical",
  area: "Transport security",
  runbook: "redirect-loop-or-hsts-lock-in",
  async run(ctx) {
    const { from, to } = ctx.canonical!;
    const expected = `https://${to}${PROBE_PATH}`;
    const evidence: string[] = [];
    const wrong: string[] = [];
    const unreachable: string[] = [];
    for (const alias of from) {
      const url = aliasUrl(ctx, alias);
      let res;
      try {
        res = await fetchOnce(url, { ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs, maxBodyBytes: 64 * 1024 });
      } catch (e) {
        unreachable.push(`${alias} (${(e as Error).message})`);
        evidence.push(`GET ${url} -> ${(e as Error).message}`);
        continue;
      }
      const location = typeof res.headers.location === "string" ? res.headers.location : "";
      evidence.push(`GET ${url} -> ${res.status}${location ? ` ${location}` : ""}`);
      if (![301, 302, 303, 307, 308].includes(res.status)) wrong.push(`${alias} answers ${res.status} instead of redirecting to ${to}`);
      else if (location !== expected) wrong.push(`${alias} redirects to ${location || "(no Location)"}, expected exactly ${expected}`);
      else if (res.status !== 301 && res.status !== 308) wrong.push(`${alias} redirects with ${res.status}, which is temporary; expected 301`);
    }
    if (wrong.length) return { status: "fail", summary: wrong.join("; "), evidence };
    if (unreachable.length) throw new CouldNotRun(`could not reach ${unreachable.join(", ")}. Fix: check the host resolves and its certificate is trusted (--resolve, --ca-file for a private CA).`);
    return { status: "pass", summary: `${from.join(", ")} redirect${from.length === 1 ? "s" : ""} permanently to https://${to} with path and query kept`, evidence };
  },
};
