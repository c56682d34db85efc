import { randomBytes } from "node:crypto";
import { line } from "../client";
import { fingerprintOf, holds, recognisable, type Fingerprint } from "../fingerprint";
import { ownValues } from "../own-views";
import type { ProbePlan } from "../probe-file";
import { fillTemplate, headersOf, type Session, type Who } from "../session";
import { is2xx, Findings, type Probe, type ProbeEnv } from "../types";

// A tenant chosen by the client: the app reads the organisation from a header, the query, a path
// segment or a body field, and trusts it over the session. Each user asks for its own data naming
// the other's tenant; a read leaks when the answer holds the other's view (its distinct values),
// a write leaks when the other tenant's listing then shows what was written. Without declared
// selectors the common names are tried on reads only, since a write into the wrong tenant lands.

type Where = "header" | "query" | "path" | "body";
interface Selector {
  readonly in: Where;
  readonly name: string;
}
interface Route {
  readonly method: string;
  readonly path: string;
  readonly body?: Record<string, unknown>;
}

export const COMMON_SELECTORS: readonly Selector[] = [
  { in: "header", name: "X-Org-Id" },
  { in: "header", name: "X-Tenant-Id" },
  { in: "header", name: "X-Organization" },
  { in: "query", name: "org" },
  { in: "query", name: "orgId" },
  { in: "query", name: "tenant" },
];

const other = (who: Who): Who => (who === "a" ? "b" : "a");
const describe = (s: Selector) => (s.in === "path" ? "the path's {tenant}" : `${s.in} ${s.name}`);

/** A route as `who` sends it, with `tenant` in the selector (or, without one, the user's own). */
function request(route: Route, tenant: string, own: string, s?: Selector): { path: string; headers: Record<string, string>; body?: unknown } | undefined {
  let path = route.path.replace(/\{tenant\}/g, encodeURIComponent(s?.in === "path" ? tenant : own));
  const headers: Record<string, string> = {};
  let body: unknown = route.body;
  if (s?.in === "path" && !route.path.includes("{tenant}")) return undefined;
  if (s?.in === "header") headers[s.name.toLowerCase()] = tenant;
  if (s?.in === "query") path += `${path.includes("?") ? "&" : "?"}${encodeURIComponent(s.name)}=${encodeURIComponent(tenant)}`;
  if (s?.in === "body") {
    if (route.method === "GET" || route.method === "HEAD") return undefined;
    body = { ...(route.body ?? {}), [s.name]: tenant };
  }
  return { path, headers, body };
}

/** The read routes: protected GETs, objects (a's id), and tenants.reads. */
function readRoutes(plan: ProbePlan): Route[] {
  const objects = plan.objects.map((o) => ({ method: "GET", path: o.path.replace(/\{id\}/g, encodeURIComponent(o.id)) }));
  return [...plan.protected.filter((r) => r.method === "GET"), ...objects, ...(plan.tenants?.reads ?? [])];
}

async function send(env: ProbeEnv, s: Session, route: Route, req: NonNullable<ReturnType<typeof request>>) {
  return env.client.json(route.method, req.path, req.body, { ...headersOf(env.client, s), ...req.headers });
}

export const authzTenantSelectors: Probe = {
  id: "authz.tenant-selectors",
  area: "Authorization",
  runbook: "app-security-finding",
  async run(env) {
    const { plan } = env;
    const sessions = { a: await env.sessions.get("a"), b: await env.sessions.get("b") };
    const org = { a: plan.users.a.org, b: plan.users.b.org };
    const declared = plan.tenants?.selectors ?? [];
    const selectors = declared.length ? declared : COMMON_SELECTORS;
    const f = new Findings();
    let compared = 0;
    for (const route of readRoutes(plan)) {
      const views = {} as Record<Who, { fp: Fingerprint; ok: boolean }>;
      for (const who of ["a", "b"] as const) {
        const res = await send(env, sessions[who], route, request(route, org[who], org[who])!);
        const theirs = await ownValues(env, other(who));
        const fp = fingerprintOf(res.body, "", { exclude: theirs });
        views[who] = { fp, ok: is2xx(res.status) && recognisable(fp) };
        f.evidence.push(line(route.method, request(route, org[who], org[who])!.path, res, `(user ${who}, its own tenant${views[who].ok ? `; ${fp.values.size} distinct value(s)` : ": nothing to compare with"})`));
      }
      for (const who of ["b", "a"] as const) {
        const victim = other(who);
        if (!views[victim].ok) continue;
        for (const s of selectors) {
          const req = request(route, org[victim], org[who], s);
          if (!req) continue;
          const res = await send(env, sessions[who], route, req);
          compared++;
          const leak = holds(res.body, views[victim].fp);
          f.evidence.push(line(route.method, req.path, res, `(user ${who}, ${victim}'s tenant in ${describe(s)}): ${victim}'s data ${leak ? "present" : "absent"}`));
          if (leak) f.failures.push(`user ${who} reads ${victim}'s tenant by naming it in ${describe(s)} on ${route.method} ${route.path}`);
        }
      }
    }
    for (const w of plan.tenants?.writes ?? []) {
      for (const who of ["b", "a"] as const) {
        const victim = other(who);
        for (const s of declared) {
          const marker = `lb-probe-${randomBytes(6).toString("hex")}`;
          const route = { ...w, body: fillTemplate(w.body ?? {}, { marker }) as Record<string, unknown> };
          const req = request(route, org[victim], org[who], s);
          if (!req) continue;
          const res = await send(env, sessions[who], route, req);
          const back = request({ method: "GET", path: w.readBack }, org[victim], org[victim])!;
          const listing = await send(env, sessions[victim], { method: "GET", path: w.readBack }, back);
          compared++;
          const landed = listing.body.includes(marker);
          f.evidence.push(line(w.method, req.path, res, `(user ${who}, ${victim}'s tenant in ${describe(s)})`), line("GET", back.path, listing, `(user ${victim}): ${who}'s write ${landed ? "present" : "absent"}`));
          if (landed) f.failures.push(`user ${who} writes into ${victim}'s tenant by naming it in ${describe(s)} on ${w.method} ${w.path}`);
        }
      }
    }
    const tried = `${declared.length ? "declared" : "common"} selectors ${selectors.map(describe).join(", ")}`;
    if (!compared) f.couldNotRun.push(`no route gave user a or b a view of its own to compare with (${tried}). Fix: list routes that read tenant data in protected, objects or tenants.reads`);
    return f.verdict(`${compared} request(s) naming the other tenant got none of its data (${tried}${declared.length ? "" : ", on reads only"})`, "the client chooses the tenant");
  },
};
