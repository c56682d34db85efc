import { isIP } from "node:net";
import zonefile from "dns-zonefile";
import { UsageError } from "../config/stack-file";
import { isWithinZone, normalizeName } from "../dns/names";
import { canonicalContent, KNOWN_TYPES, type ExistingRecord, type ExistingZone, type UnknownRecord } from "./model";

// The dashboard's BIND export (DNS > Records > Export). dns-zonefile parses each record; around
// it, this reader keeps what a zone-wide parse loses: the line of every record (for errors and
// the clean-up report), Cloudflare's `; cf_tags=cf-proxied:true` comment, and records of types
// the parser does not know, which are reported instead of vanishing. A BIND export carries no
// record ids, so what it finds identical cannot be imported without the API's JSON.

/** rdata fields each type needs at least; a line with fewer was cut off. */
const MIN_RDATA: Record<string, number> = { MX: 2, CAA: 3, SRV: 4, SOA: 7, DS: 4 };
const CLASSES = new Set(["IN", "CH", "HS"]);

interface Line {
  readonly text: string;
  readonly comment: string;
  readonly line: number;
}

/** Joins parenthesised records onto one line and splits off comments, minding quotes. */
function logicalLines(file: string, text: string): Line[] {
  const out: Line[] = [];
  let buffer = "";
  let comment = "";
  let start = 0;
  let depth = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    let inQuote = false;
    let code = raw;
    for (let j = 0; j < raw.length; j++) {
      const c = raw[j];
      if (c === "\\") j++;
      else if (c === '"') inQuote = !inQuote;
      else if (!inQuote && c === ";") {
        code = raw.slice(0, j);
        comment += raw.slice(j + 1);
        break;
      } else if (!inQuote && c === "(") depth++;
      else if (!inQuote && c === ")") depth--;
    }
    if (inQuote) throw new UsageError(`${file}:${i + 1}: a quoted string is not closed. Fix: export the zone again; the file looks cut off or edited.`);
    if (buffer === "" && code.trim() === "") {
      comment = "";
      return;
    }
    if (buffer === "") start = i + 1;
    buffer += (buffer ? " " : "") + code.replace(/[()]/g, " ");
    if (depth > 0) return;
    if (depth < 0) throw new UsageError(`${file}:${i + 1}: a ")" without its "(". Fix: export the zone again.`);
    out.push({ text: buffer, comment, line: start });
    buffer = "";
    comment = "";
  });
  if (depth > 0) throw new UsageError(`${file}:${start}: a "(" is never closed: the file ends inside this record. Fix: export the zone again; the file looks cut off.`);
  return out;
}

const tokens = (s: string) => s.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];

export function readBindExport(file: string, text: string, zoneName?: string): ExistingZone {
  let origin = zoneName ? `${zoneName}.` : "";
  let ttl = 300;
  let owner = "";
  const records: ExistingRecord[] = [];
  const unknown: UnknownRecord[] = [];
  for (const l of logicalLines(file, text)) {
    const at = `${file}:${l.line}`;
    const t = tokens(l.text);
    if (t[0]?.startsWith("$")) {
      const directive = t[0].toUpperCase();
      if (directive === "$ORIGIN" && t[1]) origin = t[1].endsWith(".") ? t[1] : `${t[1]}.${origin}`;
      else if (directive === "$TTL" && /^\d+$/.test(t[1] ?? "")) ttl = Number(t[1]);
      else throw new UsageError(`${at}: ${directive} ${t.slice(1).join(" ")} is not supported here. Fix: give the export as the dashboard writes it (only $ORIGIN and $TTL).`);
      continue;
    }
    // A line that starts with blank space belongs to the previous owner.
    const fields = /^\s/.test(l.text) ? [owner, ...t] : t;
    owner = fields[0];
    let i = 1;
    while (i < fields.length && (/^\d+$/.test(fields[i]) || CLASSES.has(fields[i].toUpperCase()))) i++;
    const type = (fields[i] ?? "").toUpperCase();
    const rdata = fields.slice(i + 1);
    if (!type) throw new UsageError(`${at}: no record type after ${fields.slice(0, i).join(" ")}. Fix: export the zone again; the line is cut off.`);
    const name = absolute(owner, origin);
    if (zoneName && !isWithinZone(name, zoneName)) throw new UsageError(`${at}: ${name} is not in zone ${zoneName}. Fix: export the zone the stack manages (launch-baseline:domain).`);
    // Cloudflare serves the zone's SOA and apex NS itself; neither is a record anyone manages.
    if (type === "SOA" || (type === "NS" && name === normalizeName(origin))) continue;
    if (!KNOWN_TYPES.has(type)) {
      unknown.push({ name, type, at });
      continue;
    }
    if (rdata.length < (MIN_RDATA[type] ?? 1)) throw new UsageError(`${at}: the ${type} record for ${name} has no complete value ("${l.text.trim()}"). Fix: export the zone again; the line is cut off.`);
    const parsed = parseOne(`$ORIGIN ${origin || "."}\n$TTL ${ttl}\n${fields.join(" ")}\n`, type, rdata, origin);
    const problem = invalid(type, parsed.content, parsed.priority);
    if (problem) throw new UsageError(`${at}: ${type} record for ${name}: ${problem}. Fix: correct the value in the dashboard and export again.`);
    records.push({ name, type, content: canonicalContent(type, parsed.content), priority: parsed.priority, proxied: /cf-proxied:true/.test(l.comment), ttl: parsed.ttl ?? ttl, at });
  }
  return { records, rulesets: [], unknown, sources: [file] };
}

function absolute(owner: string, origin: string): string {
  if (owner === "@") return normalizeName(origin);
  if (owner.endsWith(".")) return normalizeName(owner);
  // Cloudflare writes its SOA owner without the final dot; a name already ending in the origin is absolute.
  const base = normalizeName(origin);
  return normalizeName(isWithinZone(owner, base) ? owner : `${owner}.${origin}`);
}

/** One record through dns-zonefile; types it has no field for keep their rdata as written. */
function parseOne(line: string, type: string, rdata: string[], origin: string): { content: string; priority?: number; ttl?: number } {
  const zone = zonefile.parse(line) as unknown as Record<string, Array<Record<string, unknown>> | undefined>;
  const r = zone[type.toLowerCase()]?.[0];
  const target = (v: unknown) => absolute(String(v), origin);
  switch (type) {
    case "A":
    case "AAAA":
      return { content: String(r?.ip ?? rdata[0]), ttl: r?.ttl as number };
    case "CNAME":
      return { content: target(r?.alias ?? rdata[0]), ttl: r?.ttl as number };
    case "NS":
      return { content: target(r?.host ?? rdata[0]), ttl: r?.ttl as number };
    case "MX":
      return { content: target(r?.host ?? rdata[1]), priority: Number(rdata[0]), ttl: r?.ttl as number };
    case "TXT":
      return { content: String(r?.txt ?? rdata.join(" ")), ttl: r?.ttl as number };
    case "CAA":
      return { content: r ? `${r.flags} ${r.tag} ${r.value}` : rdata.join(" "), ttl: r?.ttl as number };
    default:
      return { content: rdata.join(" "), ttl: r?.ttl as number | undefined };
  }
}

function invalid(type: string, content: string, priority?: number): string | undefined {
  if (type === "MX" && !Number.isInteger(priority)) return "the priority is not a number";
  if (type === "A" && isIP(content) !== 4) return `${content} is not an IPv4 address`;
  if (type === "AAAA" && isIP(content) !== 6) return `${content} is not an IPv6 address`;
  return undefined;
}
