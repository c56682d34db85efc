import type { PolicyResource } from "@pulumi/policy";
import { normalizeName } from "../../lib/dns/names";
import { joinTxt } from "../../lib/email/txt";

// How the DNS rules read a cloudflare.DnsRecord: TXT content may be quoted or unquoted and split
// into several strings; names may be relative, "@" or fully qualified.

export const DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";

export interface DnsRecordProps {
  readonly name: string;
  readonly type: string;
  readonly content?: string;
  readonly proxied?: boolean;
  readonly zoneId?: string;
  readonly data?: Record<string, unknown>;
}

/** The TXT value as resolvers see it. */
export const txtValue = (r: DnsRecordProps): string => joinTxt(String(r.content ?? ""));

export const isDmarcName = (name: string) => /^_dmarc(\.|$)/i.test(name);
export const isDkimName = (name: string) => /(^|\.)_domainkey(\.|$)/i.test(name);

/**
 * The stack's DNS records with the fields the rules read. A record with a field that is only
 * known after deploy is left out here (a stack rule must still judge the others) and is judged by
 * the resource rules, which report it as undecided.
 */
export function dnsRecords(resources: readonly PolicyResource[]): Array<{ resource: PolicyResource; props: DnsRecordProps }> {
  const out: Array<{ resource: PolicyResource; props: DnsRecordProps }> = [];
  for (const r of resources.filter((x) => x.type === DNS_RECORD)) {
    try {
      const p = r.props as DnsRecordProps;
      out.push({ resource: r, props: { name: String(p.name), type: String(p.type), content: p.content === undefined ? undefined : String(p.content), proxied: p.proxied, zoneId: p.zoneId === undefined ? undefined : String(p.zoneId) } });
    } catch (e) {
      if ((e as Error).constructor?.name !== "UnknownValueError") throw e;
    }
  }
  return out;
}

/** Names are compared fully qualified and lowercase; "@" is the zone apex. */
export { normalizeName };
