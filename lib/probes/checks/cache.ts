import { line } from "../client";
import { parseJsonOr } from "../../json";
import { headersOf } from "../session";
import { is2xx, Findings, type Probe } from "../types";

// One user's response must never reach the next visitor from a cache: user a's protected pages
// say Cache-Control private or no-store, an anonymous repeat of the same URL does not get a's
// data, and neither does the same path with a static-looking suffix (`/api/me/x.css`), which a
// cache keyed by extension would store (web cache deception).

const PRIVATE_CACHE = /\b(?:private|no-store)\b/i;
const DECOY = "x.css";

/** The longest text in a's answer (ids included: here they are what makes it a's). */
function distinctive(body: string): string | undefined {
  const texts: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (typeof v === "string" && v.length >= 4) texts.push(v);
    else if (v && typeof v === "object" && depth < 5) Object.values(v).forEach((x) => walk(x, depth + 1));
  };
  walk(parseJsonOr(body, undefined), 0);
  return texts.sort((x, y) => y.length - x.length)[0];
}

/** Whether another visitor's answer is a's: the same body, or a's distinctive text in it. */
const isAs = (body: string, own: string, value: string | undefined) => (own.length > 0 && body === own) || (value !== undefined && body.includes(value));

export const cachePrivateResponses: Probe = {
  id: "cache.private-responses",
  area: "Authorization",
  runbook: "app-security-finding",
  notApplicable: (plan) => (plan.protected.some((r) => r.method === "GET") ? undefined : "no GET route in protected"),
  async run({ plan, client, sessions }) {
    const a = await sessions.get("a");
    const f = new Findings();
    for (const r of plan.protected.filter((x) => x.method === "GET")) {
      const own = await client.send({ method: "GET", path: r.path, headers: headersOf(client, a) });
      const cc = [own.headers["cache-control"] ?? ""].flat().join(", ");
      f.evidence.push(line("GET", r.path, own, `(user a; Cache-Control: ${cc || "none"})`));
      if (!is2xx(own.status)) {
        f.warnings.push(`GET ${r.path} refuses user a (${own.status}): check protected in the probe file`);
        continue;
      }
      if (!PRIVATE_CACHE.test(cc)) f.failures.push(`GET ${r.path} answers user a without Cache-Control private or no-store`);
      const value = distinctive(own.body);
      const anon = await client.send({ method: "GET", path: r.path });
      const leaked = isAs(anon.body, own.body, value);
      f.evidence.push(line("GET", r.path, anon, `(anonymous repeat): a's data ${leaked ? "present" : "absent"}`));
      if (leaked) f.failures.push(`an anonymous repeat of GET ${r.path} gets a's data`);
      const decoy = `${r.path.split("?")[0].replace(/\/$/, "")}/${DECOY}`;
      await client.send({ method: "GET", path: decoy, headers: headersOf(client, a) });
      const after = await client.send({ method: "GET", path: decoy });
      const deceived = isAs(after.body, own.body, value);
      f.evidence.push(line("GET", decoy, after, `(anonymous, after user a asked for it): a's data ${deceived ? "present" : "absent"}`));
      if (deceived) f.failures.push(`GET ${decoy} serves a's data to an anonymous visitor (web cache deception)`);
    }
    return f.verdict("private responses are marked private and never served to another visitor", "a private response can be cached for others");
  },
};
