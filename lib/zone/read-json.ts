import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { z } from "zod";
import { UsageError } from "../config/stack-file";
import { isWithinZone, normalizeName } from "../dns/names";
import { canonicalContent, KNOWN_TYPES, type ExistingRecord, type ExistingRuleset, type ExistingZone, type UnknownRecord } from "./model";

// Cloudflare's API answers, saved as JSON: `GET /zones/:id/dns_records` (records with ids and the
// proxied flag) and `GET /zones/:id/rulesets` (the zone's rulesets with their phases). The whole
// envelope `{success, result, result_info}` or the bare `result` array are both accepted. Each bad
// item names the file and the line it starts on.

const record = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.string().min(1),
  content: z.string().optional(),
  data: z.looseObject({ flags: z.number().optional(), tag: z.string().optional(), value: z.string().optional() }).optional(),
  proxied: z.boolean().optional(),
  ttl: z.number().optional(),
  priority: z.number().optional(),
  modified_on: z.string().optional(),
});
const ruleset = z.looseObject({ id: z.string().min(1), name: z.string().default(""), kind: z.string().min(1), phase: z.string().min(1) });

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** `paged`: one page of several, as the API reader fetches them; else the file must hold them all. */
export function readJsonExport(file: string, text: string, zoneName?: string, opts: { paged?: boolean } = {}): ExistingZone {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !root) {
    const e = errors[0];
    throw new UsageError(`${file}:${e ? lineAt(text, e.offset) : 1}: not JSON (${e ? printParseErrorCode(e.error) : "empty file"}). Fix: save the API's answer unchanged, e.g. curl ... > ${file}.`);
  }
  const ok = root.type === "object" ? property(root, "success") : undefined;
  if (ok?.value === false) throw new UsageError(`${file}:${lineAt(text, ok.offset)}: the saved API answer is a failure ("success": false). Fix: check the token's Zone DNS Read and Zone Rulesets Read permissions and save the answer again.`);
  const items = itemsOf(root);
  if (!items) throw new UsageError(`${file}:1: neither a Cloudflare API answer ({"result": [...]}) nor an array of records or rulesets. Fix: save GET /zones/<zone_id>/dns_records or /rulesets as returned.`);
  if (root.type === "object") {
    const info = property(root, "result_info");
    const pages = info && property(info, "total_pages")?.value;
    if (!opts.paged && typeof pages === "number" && pages > 1) throw new UsageError(`${file}:${lineAt(text, info!.offset)}: page 1 of ${pages} only: the zone has more records than this answer holds. Fix: ask with ?per_page=5000000, or use --cloudflare-api to read every page.`);
  }
  const records: ExistingRecord[] = [];
  const rulesets: ExistingRuleset[] = [];
  const unknown: UnknownRecord[] = [];
  for (const node of items) {
    const line = lineAt(text, node.offset);
    const value = nodeValue(node);
    const isRuleset = value && typeof value === "object" && "phase" in value;
    const parsed = (isRuleset ? ruleset : record).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`${file}:${line}: ${isRuleset ? "ruleset" : "record"} ${issue.path.length ? `field ${issue.path.join(".")}` : ""} ${issue.message.toLowerCase()}. Fix: export the zone again; records need id, name, type and content, rulesets id, kind and phase.`.replace(/ {2,}/g, " "));
    }
    if (isRuleset) {
      const r = parsed.data as z.output<typeof ruleset>;
      rulesets.push({ id: r.id, name: r.name, kind: r.kind, phase: r.phase, at: `${file}:${line}` });
      continue;
    }
    const r = parsed.data as z.output<typeof record>;
    const type = r.type.toUpperCase();
    const name = normalizeName(r.name);
    if (zoneName && !isWithinZone(name, zoneName)) throw new UsageError(`${file}:${line}: record ${name} is not in zone ${zoneName}. Fix: export the zone the stack manages (launch-baseline:domain).`);
    if (!KNOWN_TYPES.has(type)) {
      unknown.push({ name, type, at: `${file}:${line}` });
      continue;
    }
    const raw = type === "CAA" && r.data ? `${r.data.flags ?? 0} ${r.data.tag} "${r.data.value}"` : r.content;
    if (raw === undefined) throw new UsageError(`${file}:${line}: ${type} record ${name} has no content. Fix: export the zone again; the API lists content for every record.`);
    records.push({ id: r.id, name, type, content: canonicalContent(type, raw), priority: r.priority, proxied: r.proxied ?? false, ttl: r.ttl, modifiedOn: r.modified_on, at: `${file}:${line}` });
  }
  return { records, rulesets, unknown, sources: [file] };
}

function itemsOf(root: Node): Node[] | undefined {
  if (root.type === "array") return root.children ?? [];
  if (root.type !== "object") return undefined;
  const result = property(root, "result");
  return result?.type === "array" ? (result.children ?? []) : undefined;
}

const property = (node: Node, key: string): Node | undefined => node.children?.find((p) => p.children?.[0].value === key)?.children?.[1];

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case "object":
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value, nodeValue(p.children![1])]));
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
