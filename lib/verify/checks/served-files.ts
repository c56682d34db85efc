import { scanText } from "../../secrets/detector";
import { EXPOSED_FILES } from "../../secrets/exposed-files";
import { fetchOnce, lookupHost } from "../http";
import type { Check, VerifyContext } from "../types";

// `/.env`, `/.git/config`, `/.npmrc`, dumps and backups: asked for once on every public host, and
// judged by content, so an app that answers every path with its HTML page is not a finding.

export function publicOrigins(ctx: VerifyContext): string[] {
  const origins = (ctx.hosts ?? []).map((h) => `https://${h}`);
  if (ctx.url) origins.unshift(new URL(ctx.url).origin);
  return [...new Set(origins)];
}

export const secretsServedFiles: Check = {
  id: "secrets.served-files",
  needs: "url",
  area: "Secrets handling",
  runbook: "secret-exposed",
  async run(ctx) {
    const opts = { ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h: string) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs, maxBodyBytes: 256 * 1024 };
    const origins = publicOrigins(ctx);
    const findings: string[] = [];
    const unreachable: string[] = [];
    for (const origin of origins) {
      for (const file of EXPOSED_FILES) {
        const url = `${origin}${file.path}`;
        const res = await fetchOnce(url, opts).catch((e: Error) => (unreachable.push(`${url}: ${e.message}`), undefined));
        if (!res || res.status !== 200 || !file.matches(res.body, res.head)) continue;
        const secrets = scanText(res.body);
        if (file.onlyWithSecrets && secrets.length === 0) continue;
        const kinds = [...new Set(secrets.map((s) => s.kind))];
        findings.push(`${url} serves ${file.what}${kinds.length ? ` holding ${secrets.length} secret${secrets.length === 1 ? "" : "s"} (${kinds.join(", ")})` : ""}`);
      }
    }
    if (findings.length) return { status: "fail", summary: `${findings.length} file${findings.length === 1 ? "" : "s"} that must never be served ${findings.length === 1 ? "is" : "are"} public (values not shown)`, evidence: findings };
    const asked = `${EXPOSED_FILES.length} paths on ${origins.length} host${origins.length === 1 ? "" : "s"}`;
    if (unreachable.length) return { status: "warn", summary: `no exposed file found, but ${unreachable.length} of ${asked} could not be fetched`, evidence: unreachable.slice(0, 8) };
    return { status: "pass", summary: `none of ${asked} serves a file it should not (${EXPOSED_FILES.map((f) => f.path).slice(0, 4).join(", ")}, ...)`, evidence: [] };
  },
};
