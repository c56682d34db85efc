import { request } from "node:https";
import { isIP } from "node:net";
import { lookupHost } from "../http";
import type { Check, VerifyContext } from "../types";
import { CouldNotRun } from "../types";

// transport.origin-direct: each proxied host's origin, asked directly, with the public name as SNI
// and Host, as an attacker who found its address would. A locked origin refuses: a TLS alert for
// the missing client certificate, a reset, a time-out, or a 403/421 that is not the app. The
// origin's certificate is not checked here (it is often issued by Cloudflare's origin CA): only
// whether it serves.

export interface OriginTarget {
  /** The public host name the edge serves. */
  readonly host: string;
  /** Where its origin is: a host name or an address, with an optional port (default 443). */
  readonly origin: string;
}

type Answer = { kind: "http"; status: number; body: string } | { kind: "refused"; how: string } | { kind: "unresolved"; how: string };

function split(origin: string): { address: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(origin)!;
  // An IPv6 address without brackets has colons of its own: no port then.
  if (isIP(origin) === 6) return { address: origin, port: 443 };
  return { address: m[1], port: m[2] ? Number(m[2]) : 443 };
}

async function ask(ctx: VerifyContext, t: OriginTarget): Promise<Answer> {
  const { address: name, port } = split(t.origin);
  let address: string;
  try {
    address = isIP(name) ? name : await lookupHost(ctx, name);
  } catch (e) {
    return { kind: "unresolved", how: `${name} does not resolve (${(e as Error).message})` };
  }
  return new Promise((resolve) => {
    const req = request({ host: address, port, servername: t.host, path: "/", method: "GET", headers: { host: t.host, "user-agent": "launch-baseline-verify origin-direct" }, rejectUnauthorized: false, timeout: ctx.timeoutMs, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => body.length < 64 * 1024 && (body += c));
      res.on("end", () => resolve({ kind: "http", status: res.statusCode ?? 0, body }));
      res.on("error", () => resolve({ kind: "http", status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${ctx.timeoutMs} ms`), { code: "ETIMEDOUT" })));
    req.on("error", (e: Error & { code?: string }) => {
      const alert = /alert|handshake|certificate required/i.exec(e.message);
      resolve({ kind: "refused", how: alert ? `TLS refused: ${e.message.replace(/^.*?:\s*/, "").slice(0, 120)}` : `${e.code ?? "error"}: ${e.message.slice(0, 120)}` });
    });
    req.end();
  });
}

export const transportOriginDirect: Check = {
  id: "transport.origin-direct",
  needs: "origins",
  area: "Transport security",
  runbook: "origin-exposed",
  async run(ctx) {
    const evidence: string[] = [];
    const open: string[] = [];
    const unresolved: string[] = [];
    for (const t of ctx.origins!) {
      const a = await ask(ctx, t);
      if (a.kind === "unresolved") {
        unresolved.push(`${t.host} via ${t.origin}: ${a.how}`);
        continue;
      }
      if (a.kind === "refused") {
        evidence.push(`${t.host} via ${t.origin}: refused (${a.how})`);
        continue;
      }
      // 403 and 421 say "not for you" or "wrong host": fine, unless the app's page comes with them.
      const refusal = (a.status === 403 || a.status === 421) && a.body.length < 2048;
      evidence.push(`${t.host} via ${t.origin}: HTTP ${a.status}${refusal ? " (refused)" : " (the origin answers directly)"}`);
      if (!refusal) open.push(`${t.host} (HTTP ${a.status} from ${t.origin})`);
    }
    if (open.length) return { status: "fail", summary: `${open.length} origin(s) answer requests that bypass the edge: ${open.join(", ")}`, evidence: [...evidence, ...unresolved] };
    if (evidence.length === 0 && unresolved.length) throw new CouldNotRun(`no origin could be reached to test: ${unresolved[0]}. Fix: give its address with --origin ${ctx.origins![0].host}=<address>.`);
    if (unresolved.length) return { status: "warn", summary: `the reachable origins refuse direct requests; ${unresolved.length} could not be resolved`, evidence: [...evidence, ...unresolved] };
    return { status: "pass", summary: `every origin (${evidence.length}) refuses requests that bypass the edge`, evidence };
  },
};
