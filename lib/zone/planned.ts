import type { CapturedResource } from "../plan/types";
import { isSecretValue, UNKNOWN } from "../plan/wire";
import { isWithinZone, normalizeName } from "../dns/names";
import { canonicalContent } from "./model";

// What the stack will own in the zone, read from the planned resources: DNS records whose name
// and value are known before deploy, and the zone's entrypoint rulesets by phase.

export const DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
export const RULESET = "cloudflare:index/ruleset:Ruleset";

export interface PlannedRecord {
  readonly urn: string;
  readonly resource: string;
  readonly name: string;
  readonly type: string;
  readonly content: string;
  readonly priority?: number;
  readonly proxied: boolean;
}

export interface PlannedRuleset {
  readonly urn: string;
  readonly resource: string;
  readonly phase: string;
  readonly rules: number;
}

const known = (v: unknown) => v !== undefined && v !== UNKNOWN && !isSecretValue(v);

export function plannedRecords(resources: readonly CapturedResource[], zoneId: string, apex: string): { records: PlannedRecord[]; unknownNames: string[] } {
  const records: PlannedRecord[] = [];
  const unknownNames: string[] = [];
  for (const r of resources) {
    if (r.type !== DNS_RECORD || r.inputs.zoneId !== zoneId) continue;
    const i = r.inputs as { name: unknown; type: string; content?: unknown; data?: Record<string, unknown>; priority?: number; proxied?: boolean };
    const data = i.data && Object.values(i.data).every(known) ? `${i.data.flags} ${i.data.tag} "${i.data.value}"` : undefined;
    const raw = i.type === "CAA" ? data : i.content;
    if (!known(i.name) || !known(raw)) {
      unknownNames.push(r.name);
      continue;
    }
    const name = normalizeName(String(i.name), apex);
    records.push({ urn: r.urn, resource: r.name, name: isWithinZone(name, apex) ? name : `${name}.${apex}`, type: i.type, content: canonicalContent(i.type, String(raw)), priority: i.priority, proxied: i.proxied ?? false });
  }
  return { records, unknownNames };
}

export function plannedRulesets(resources: readonly CapturedResource[], zoneId: string): PlannedRuleset[] {
  return resources
    .filter((r) => r.type === RULESET && r.inputs.zoneId === zoneId && r.inputs.kind === "zone")
    .map((r) => ({ urn: r.urn, resource: r.name, phase: String(r.inputs.phase), rules: Array.isArray(r.inputs.rules) ? r.inputs.rules.length : 0 }));
}
