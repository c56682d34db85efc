import { line } from "../client";
import { fingerprintOf, heldCount, holds, recognisable } from "../fingerprint";
import { ownValues } from "../own-views";
import { headersOf } from "../session";
import { is2xx, Findings, type Probe } from "../types";

// Authorization: user b, in another org, asks for user a's objects by id in the path, the query,
// the body and the file's list, search and batch routes; and user a, who is no admin, calls admin
// routes. Reads are judged by what comes back: b's response leaks when it holds a's view (its
// distinct values, less what b sees of its own), whatever the status. Writes are judged by status:
// a 2xx changed the object. When a cannot read its own object there is nothing to compare with:
// that object could not be judged, and says so.

const RUNBOOK = "app-security-finding";
const denied = (s: number) => s === 401 || s === 403 || s === 404;
const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
// An id that is nobody's, sent beside a's in batch lookups, as a client asking for several would.
const OTHER_ID = "0";

interface Attempt {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly where: string;
  /** Judged by content (a read) or by status (a write, or a read with no body such as HEAD). */
  readonly by: "content" | "status";
}

export const authzObjects: Probe = {
  id: "authz.objects",
  area: "Authorization",
  runbook: RUNBOOK,
  notApplicable: (plan) => (plan.objects.length ? undefined : "no object-owning endpoint in the probe file (objects)"),
  async run(env) {
    const { plan, client, sessions } = env;
    const [a, b] = [await sessions.get("a"), await sessions.get("b")];
    const f = new Findings();
    for (const [i, o] of plan.objects.entries()) {
      const id = encodeURIComponent(o.id);
      const path = o.path.replace(/\{id\}/g, id);
      const own = await client.json("GET", path, undefined, headersOf(client, a));
      if (!is2xx(own.status)) {
        f.evidence.push(line("GET", path, own, "(user a, the owner): refused, nothing to compare with"));
        f.couldNotRun.push(`user a cannot read GET ${path} (status ${own.status}). Fix: set objects[${i}].id to a ${o.kind} user a owns, or check user a's account`);
        continue;
      }
      const theirs = o.otherId ? await client.json("GET", o.path.replace(/\{id\}/g, encodeURIComponent(o.otherId)), undefined, headersOf(client, b)) : undefined;
      const fp = fingerprintOf(own.body, o.id, { field: o.fingerprint, exclude: [...(await ownValues(env, "b")), ...(theirs && is2xx(theirs.status) ? fingerprintOf(theirs.body, o.otherId!).values : [])] });
      if (!recognisable(fp)) {
        f.evidence.push(line("GET", path, own, "(user a, the owner): nothing distinctive"));
        f.couldNotRun.push(`user a's view of GET ${path} holds nothing to recognise (an empty list, or no id, e-mail or text of its own). Fix: set objects[${i}].id to a ${o.kind} with content`);
        continue;
      }
      f.evidence.push(line("GET", path, own, `(user a, the owner; fingerprint: ${fp.values.size} distinct value(s)${fp.field ? ` incl. ${fp.field}` : ""})`));
      const withBody = (m: string) => (m === "GET" || m === "HEAD" || m === "DELETE" ? undefined : {});
      const attempts: Attempt[] = [...o.methods].sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y)).map((m) => ({ method: m, path, body: withBody(m), where: "id in the path", by: m === "GET" ? "content" : "status" }));
      if (o.query) attempts.push({ method: "GET", path: o.query.replace(/\{id\}/g, id), where: "id in the query", by: "content" });
      if (o.body) attempts.push({ method: o.body.method, path: o.body.path, body: { [o.body.field]: o.id }, where: `id in the body (${o.body.field})`, by: "content" });
      for (const l of o.lookups) {
        const ids = l.many ? [o.id, OTHER_ID] : [o.id];
        const lpath = l.path.replace(/\{ids\}/g, ids.map(encodeURIComponent).join(",")).replace(/\{id\}/g, id);
        const body = l.field ? { [l.field]: l.many ? ids : o.id } : l.method === "GET" || l.method === "HEAD" ? undefined : {};
        attempts.push({ method: l.method, path: lpath, body, where: `${l.many ? "ids" : "id"} ${l.field ? `in the body (${l.field})` : "in the query"}${l.many ? ", several at once" : ""}`, by: l.method === "HEAD" ? "status" : "content" });
      }
      // DELETE goes last, so every other attempt still finds the object there.
      attempts.sort((x, y) => Number(x.method === "DELETE") - Number(y.method === "DELETE"));
      for (const t of attempts) {
        const res = await client.json(t.method, t.path, t.body, headersOf(client, b));
        if (t.by === "content") {
          const present = holds(res.body, fp);
          f.evidence.push(line(t.method, t.path, res, `(user b, ${t.where}): a's object ${present ? `present (${heldCount(res.body, fp) || "its id"} of a's values)` : "absent"}`));
          if (present) f.failures.push(`user b ${t.method} ${o.kind} ${o.id} (${t.where}) -> ${res.status} with a's object`);
          else if (res.status >= 500) f.warnings.push(`user b ${t.method} ${t.path} -> ${res.status}`);
        } else {
          f.evidence.push(line(t.method, t.path, res, `(user b, ${t.where})`));
          if (!denied(res.status)) f.failures.push(`user b ${t.method} ${o.kind} ${o.id} (${t.where}) -> ${res.status}`);
        }
      }
    }
    return f.verdict(`user b is refused every one of user a's ${plan.objects.length} object(s)`, "user b reaches user a's objects");
  },
};

export const authzAdmin: Probe = {
  id: "authz.admin",
  area: "Authorization",
  runbook: RUNBOOK,
  notApplicable: (plan) => (plan.admin.length ? undefined : "no admin route in the probe file (admin)"),
  async run({ plan, client, sessions }) {
    const a = await sessions.get("a");
    const f = new Findings();
    for (const r of plan.admin) {
      const res = await client.json(r.method, r.path, r.body, headersOf(client, a));
      f.evidence.push(line(r.method, r.path, res, "(user a, not an admin)"));
      if (is2xx(res.status) || res.status >= 500) f.failures.push(`${r.method} ${r.path} -> ${res.status}`);
      else if (res.status !== 403 && res.status !== 404) f.warnings.push(`${r.method} ${r.path} -> ${res.status} for a signed-in non-admin (expected 403)`);
    }
    return f.verdict(`${plan.admin.length} admin route(s) refuse a non-admin`, "an admin route answers a non-admin");
  },
};
