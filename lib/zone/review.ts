import { isDmarcRecord } from "../email/dmarc";
import { isSpfRecord, parseSpf } from "../email/spf";
import type { Violation } from "../plan/types";
import { providerByDkim, providerBySpfInclude } from "./catalogues";
import type { ExistingRecord, ExistingRuleset, ExistingZone } from "./model";
import type { PlannedRecord, PlannedRuleset } from "./planned";
import { ZONE_RULES, type ZoneRule } from "./rules";

// The planned zone against the zone as it is: what collides (a finding), what is identical and
// is adopted by import instead of created, and what the stack leaves alone.

export type Environment = "prod" | "staging" | "dev";

export interface ZoneImport {
  readonly urn: string;
  /** The resource's name in the program, the key of launch-baseline:adopt. */
  readonly resource: string;
  readonly type: "DnsRecord" | "Ruleset";
  /** The Cloudflare import id: `<zone_id>/<record_id>`, or `zones/<zone_id>/<ruleset_id>`. */
  readonly id: string;
  readonly what: string;
  readonly at: string;
}

export interface ZoneReview {
  readonly findings: Violation[];
  readonly imports: ZoneImport[];
  readonly leftAlone: ExistingRecord[];
  readonly existingRulesetsLeftAlone: ExistingRuleset[];
}

export interface ReviewInput {
  readonly zoneId: string;
  readonly apex: string;
  readonly environment: Environment;
  readonly planned: readonly PlannedRecord[];
  readonly rulesets: readonly PlannedRuleset[];
  readonly existing: ExistingZone;
  /** Sender profiles the config lists (amazon-ses, google-workspace, ...). */
  readonly senderProfiles: readonly string[];
  /** Every proxied host's origin (a host name or an address). */
  readonly origins: readonly string[];
}

export const describe = (r: { name: string; type: string; content: string; priority?: number }) => `${r.type} ${r.name} ${r.priority !== undefined && r.type === "MX" ? `${r.priority} ` : ""}${r.content}`;
const identical = (p: PlannedRecord, e: ExistingRecord) => p.name === e.name && p.type === e.type && p.content === e.content && (p.type !== "MX" || p.priority === e.priority) && p.proxied === e.proxied;
const isSpf = (r: { type: string; content: string }) => r.type === "TXT" && isSpfRecord(r.content);
const isDmarc = (r: { type: string; name: string; content: string }) => r.type === "TXT" && r.name.startsWith("_dmarc.") && isDmarcRecord(r.content);

export function reviewZone(input: ReviewInput): ZoneReview {
  const findings: Violation[] = [];
  const imports: ZoneImport[] = [];
  // Records the stack takes over; every other one stays as it is (conflicting ones block the deploy).
  const adopted = new Set<ExistingRecord>();
  const find = (rule: ZoneRule, urn: string | null, message: string) => findings.push({ policy: rule.id, enforcementLevel: rule.levels[input.environment], severity: rule.severity, urn, message });
  const existing = input.existing.records;
  const at = (name: string) => existing.filter((e) => e.name === name);

  for (const p of input.planned) {
    const same = existing.find((e) => identical(p, e));
    if (same) {
      if (same.id) adopted.add(same);
      if (same.id) imports.push({ urn: p.urn, resource: p.resource, type: "DnsRecord", id: `${input.zoneId}/${same.id}`, what: describe(p), at: same.at });
      else find(ZONE_RULES.recordConflict, p.urn, `${describe(p)} already exists (${same.at}); Cloudflare refuses an identical duplicate, and a BIND export has no record id to import it by. Fix: give --existing-zone the API's JSON export (or use --cloudflare-api) so it is adopted.`);
      continue;
    }
    if (isSpf(p) || isDmarc(p)) {
      const kind = isSpf(p) ? "SPF" : "DMARC";
      const breaks = kind === "SPF" ? "SPF fails with permerror for every message" : "receivers find two DMARC records and apply no policy at all";
      for (const old of at(p.name).filter((e) => (kind === "SPF" ? isSpf(e) : isDmarc(e)))) {
        find(ZONE_RULES.secondSpfOrDmarc, p.urn, `${p.name} already has ${kind === "SPF" ? "an SPF" : "a DMARC"} record (${old.at}: "${old.content}"); the planned one would be a second, and ${breaks}. Fix: delete the old record before pulumi up${kind === "SPF" ? ", once its senders are listed in the config" : ""}.`);
      }
      continue;
    }
    if (p.type === "MX") continue;
    // At the apex Cloudflare flattens a CNAME, so it may sit beside the zone's MX and TXT records,
    // only not beside an address; anywhere else a CNAME must be the name's only record.
    const addressOnly = p.name === input.apex;
    const clash = at(p.name).filter((e) => (p.type === "CNAME" ? !addressOnly || ["A", "AAAA", "CNAME"].includes(e.type) : e.type === "CNAME"));
    for (const e of clash) {
      const why = p.type === "CNAME" && e.type === "CNAME" ? "a name holds one CNAME" : addressOnly ? "Cloudflare refuses an address record beside the apex's flattened CNAME" : "Cloudflare refuses a CNAME beside any other record at a name";
      find(ZONE_RULES.recordConflict, p.urn, `${describe(p)} collides with the existing ${describe(e)} (${e.at}): ${why}. Fix: delete or change the existing record before pulumi up, after checking what still uses it.`);
    }
  }

  mxFindings(input, find);
  senderFindings(input, find);
  for (const e of existing) {
    if (e.proxied || !["A", "AAAA", "CNAME"].includes(e.type) || !input.origins.includes(e.content) || input.planned.some((p) => identical(p, e))) continue;
    find(ZONE_RULES.originExposed, null, `${describe(e)} (${e.at}) is not proxied and points at a proxied host's origin: anyone can reach the origin around the edge. Fix: delete the record or proxy it.`);
  }

  const left: ExistingRuleset[] = [];
  for (const r of input.existing.rulesets) {
    const planned = r.kind === "zone" ? input.rulesets.find((p) => p.phase === r.phase) : undefined;
    if (!planned) {
      left.push(r);
      continue;
    }
    imports.push({ urn: planned.urn, resource: planned.resource, type: "Ruleset", id: `zones/${input.zoneId}/${r.id}`, what: `${r.phase} entrypoint "${r.name}"`, at: r.at });
    find(ZONE_RULES.rulesetExists, planned.urn, `the zone already has an entrypoint ruleset for ${r.phase} ("${r.name}", ${r.id}, ${r.at}); it is adopted by import and its rules are replaced by the stack's ${planned.rules}. Fix: review its rules in the dashboard first; move any still needed into the config.`);
  }
  return { findings, imports, leftAlone: existing.filter((e) => !adopted.has(e)), existingRulesetsLeftAlone: left };
}

type Find = (rule: ZoneRule, urn: string | null, message: string) => void;

function mxFindings(input: ReviewInput, find: Find): void {
  const plannedMx = input.planned.filter((p) => p.type === "MX");
  for (const name of new Set(plannedMx.map((p) => p.name))) {
    const hosts = plannedMx.filter((p) => p.name === name);
    for (const e of input.existing.records.filter((x) => x.type === "MX" && x.name === name && !hosts.some((p) => identical(p, x)))) {
      const sameHost = hosts.find((p) => p.content === e.content);
      find(ZONE_RULES.unlistedMx, hosts[0].urn, sameHost ? `${describe(e)} (${e.at}) has priority ${e.priority} where the config gives ${sameHost.priority}: both would be published. Fix: delete the old record before pulumi up.` : `${describe(e)} (${e.at}) is not in launch-baseline:email mx: mail for ${name} would be split between ${e.content} and ${hosts.map((h) => h.content).join(", ")}. Fix: list it if it still receives mail, or delete it once the mailboxes have moved.`);
    }
  }
}

function senderFindings(input: ReviewInput, find: Find): void {
  const planned = new Map(input.planned.filter(isSpf).map((p) => [p.name, new Set(parseSpf(p.content).terms.filter((t) => t.kind === "mechanism" && t.name !== "all").map((t) => `${(t as { name: string }).name}:${(t as { value?: string }).value ?? ""}`))]));
  const plannedAny = new Set([...planned.values()].flatMap((s) => [...s]));
  for (const e of input.existing.records.filter(isSpf)) {
    const urn = input.planned.find((p) => isSpf(p) && p.name === e.name)?.urn ?? null;
    for (const t of parseSpf(e.content).terms) {
      if (t.kind !== "mechanism" || t.name === "all") continue;
      const key = `${t.name}:${t.value ?? ""}`;
      if (plannedAny.has(key)) continue;
      const provider = t.name === "include" && t.value ? providerBySpfInclude(t.value) : undefined;
      if (provider?.profile && input.senderProfiles.includes(provider.profile)) continue;
      find(ZONE_RULES.unlistedSender, urn, `${e.name}'s SPF (${e.at}) allows ${t.name}${t.value ? `:${t.value}` : ""}${provider ? ` (${provider.name})` : ""}, a sender the config does not list: its mail would fail SPF once the planned record replaces this one. Fix: add it under launch-baseline:email senders, or confirm it no longer sends.`);
    }
  }
  const plannedSelectors = new Set(input.planned.filter((p) => p.name.includes("._domainkey.")).map((p) => p.name));
  for (const e of input.existing.records.filter((x) => /\._domainkey\./.test(x.name) && (x.type === "TXT" || x.type === "CNAME"))) {
    if (plannedSelectors.has(e.name)) continue;
    const selector = e.name.split("._domainkey.")[0];
    const provider = providerByDkim(selector, e.type === "CNAME" ? e.content : undefined) ?? (e.type === "TXT" ? providerByDkim(selector) : undefined);
    if (provider?.profile && input.senderProfiles.includes(provider.profile)) continue;
    find(ZONE_RULES.unlistedSender, null, `DKIM selector ${selector} (${e.name}, ${e.at}) signs for ${provider ? provider.name : "a sender"} the config does not list: once DMARC enforces, its mail fails unless its SPF or this key stays aligned. Fix: add the sender under launch-baseline:email senders, or delete the key if it no longer sends.`);
  }
}
