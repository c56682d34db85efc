import { normalizeName } from "../dns/names";
import { joinTxt } from "../email/txt";

// The zone as it exists before the stack touches it, whichever export it came from. Names are
// lowercase without the trailing dot; content is what resolvers see, so records from a BIND
// export, the API and the plan compare equal when DNS would serve the same answer.

export interface ExistingRecord {
  /** Cloudflare's record id: the API and its JSON export have it, a BIND export does not. */
  readonly id?: string;
  readonly name: string;
  readonly type: string;
  /** Canonical content: TXT joined and unquoted, host names without the trailing dot. */
  readonly content: string;
  readonly priority?: number;
  readonly proxied: boolean;
  readonly ttl?: number;
  /** ISO date the record last changed (API and JSON export only). */
  readonly modifiedOn?: string;
  /** Where it was read: `file:line`, or `api` with the record id. */
  readonly at: string;
}

export interface ExistingRuleset {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly phase: string;
  readonly at: string;
}

/** A record of a type this reader does not know: reported, never dropped in silence. */
export interface UnknownRecord {
  readonly name: string;
  readonly type: string;
  readonly at: string;
}

export interface ExistingZone {
  readonly records: readonly ExistingRecord[];
  readonly rulesets: readonly ExistingRuleset[];
  readonly unknown: readonly UnknownRecord[];
  /** The files (or the API) it was read from. */
  readonly sources: readonly string[];
}

/** The types a zone review compares; others are listed as unknown. */
export const KNOWN_TYPES = new Set(["A", "AAAA", "CNAME", "MX", "TXT", "NS", "CAA", "SRV", "PTR", "SOA", "DS", "HTTPS", "SVCB", "TLSA", "URI", "CERT", "DNSKEY", "LOC", "NAPTR", "SMIMEA", "SSHFP"]);

/** Content in the form records compare by. */
export function canonicalContent(type: string, content: string): string {
  switch (type) {
    case "TXT":
      return joinTxt(content);
    case "CNAME":
    case "NS":
    case "MX":
    case "PTR":
      return normalizeName(content.trim());
    case "A":
    case "AAAA":
      return content.trim().toLowerCase();
    case "CAA": {
      const m = /^(\d+)\s+(\S+)\s+"?(.*?)"?$/.exec(content.trim());
      return m ? `${m[1]} ${m[2].toLowerCase()} "${m[3]}"` : content.trim();
    }
    default:
      return content.trim().replace(/\s+/g, " ");
  }
}

export function mergeZones(zones: readonly ExistingZone[]): ExistingZone {
  return { records: zones.flatMap((z) => z.records), rulesets: zones.flatMap((z) => z.rulesets), unknown: zones.flatMap((z) => z.unknown), sources: zones.flatMap((z) => z.sources) };
}
