import { getDomain } from "tldts";

// DMARC (RFC 7489): parse, build and lint a `_dmarc` record.

export type DmarcPolicy = "none" | "quarantine" | "reject";

export interface DmarcRecord {
  readonly p?: DmarcPolicy;
  readonly sp?: DmarcPolicy;
  readonly rua: readonly string[];
  readonly ruf: readonly string[];
  readonly adkim?: "r" | "s";
  readonly aspf?: "r" | "s";
  readonly pct?: number;
  readonly fo?: string;
  readonly tags: ReadonlyMap<string, string>;
}

export interface DmarcParse {
  readonly record?: DmarcRecord;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

const KNOWN_TAGS = new Set(["v", "p", "sp", "rua", "ruf", "adkim", "aspf", "pct", "fo", "rf", "ri", "np", "psd", "t"]);
const POLICIES = ["none", "quarantine", "reject"];

/** A report URI: `mailto:` with a valid address, optionally `!size`. */
export function reportUriError(uri: string): string | undefined {
  const m = /^mailto:([^@\s!,;]+)@([a-z0-9.-]+\.[a-z]{2,})(?:![0-9]+[kmgt]?)?$/i.exec(uri);
  return m ? undefined : `"${uri}" is not a mailto: report address`;
}

export function parseDmarc(value: string): DmarcParse {
  const errors: string[] = [];
  const warnings: string[] = [];
  const parts = value.split(";").map((p) => p.trim()).filter(Boolean);
  const tags = new Map<string, string>();
  parts.forEach((part, i) => {
    const m = /^([a-z]+)\s*=\s*(.*)$/i.exec(part);
    if (!m) {
      errors.push(`"${part}" is not a tag=value pair`);
      return;
    }
    const tag = m[1].toLowerCase();
    if (i === 0 && (tag !== "v" || m[2] !== "DMARC1")) errors.push('the record must start with "v=DMARC1"');
    if (tags.has(tag)) errors.push(`tag "${tag}" appears twice`);
    if (!KNOWN_TAGS.has(tag)) warnings.push(`unknown tag "${tag}"`);
    tags.set(tag, m[2].trim());
  });
  if (parts.length === 0) errors.push('the record must start with "v=DMARC1"');
  const policy = (tag: string) => {
    const v = tags.get(tag);
    if (v === undefined) return undefined;
    if (!POLICIES.includes(v.toLowerCase())) errors.push(`${tag}=${v} is not none, quarantine or reject`);
    return v.toLowerCase() as DmarcPolicy;
  };
  const p = policy("p");
  if (p === undefined && tags.has("v")) errors.push('the required tag "p" is missing');
  const sp = policy("sp");
  const uris = (tag: string) => {
    const v = tags.get(tag);
    if (v === undefined) return [];
    const list = v.split(",").map((u) => u.trim());
    for (const u of list) {
      const e = reportUriError(u);
      if (e) errors.push(`${tag}: ${e}`);
    }
    return list;
  };
  const rua = uris("rua");
  const ruf = uris("ruf");
  const align = (tag: string) => {
    const v = tags.get(tag);
    if (v !== undefined && v !== "r" && v !== "s") errors.push(`${tag}=${v} must be r (relaxed) or s (strict)`);
    return v as "r" | "s" | undefined;
  };
  const adkim = align("adkim");
  const aspf = align("aspf");
  let pct: number | undefined;
  if (tags.has("pct")) {
    pct = Number(tags.get("pct"));
    if (!Number.isInteger(pct) || pct < 0 || pct > 100) errors.push(`pct=${tags.get("pct")} must be a whole number from 0 to 100`);
  }
  const fo = tags.get("fo");
  if (fo !== undefined && !/^[01ds](:[01ds])*$/.test(fo)) errors.push(`fo=${fo} must be 0, 1, d or s, separated by ":"`);
  if (rua.length === 0) warnings.push("no rua: nobody receives aggregate reports");
  return { record: errors.length ? undefined : { p, sp, rua, ruf, adkim, aspf, pct, fo, tags }, errors, warnings };
}

export interface DmarcBuild {
  readonly p: DmarcPolicy;
  readonly sp?: DmarcPolicy;
  readonly rua: readonly string[];
  readonly ruf?: readonly string[];
  readonly adkim?: "r" | "s";
  readonly aspf?: "r" | "s";
  readonly pct?: number;
  readonly fo?: string;
}

export function buildDmarc(b: DmarcBuild): string {
  const tags: Array<[string, string | undefined]> = [
    ["v", "DMARC1"],
    ["p", b.p],
    ["sp", b.sp],
    ["rua", b.rua.length ? b.rua.join(",") : undefined],
    ["ruf", b.ruf?.length ? b.ruf.join(",") : undefined],
    ["fo", b.ruf?.length ? (b.fo ?? "1") : undefined],
    ["adkim", b.adkim],
    ["aspf", b.aspf],
    ["pct", b.pct === undefined || b.pct === 100 ? undefined : String(b.pct)],
  ];
  return tags.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Whether `p` (and `sp` when set) make receivers act on failures. */
export function isEnforcing(r: DmarcRecord): boolean {
  const enforcing = (p?: DmarcPolicy) => p === "quarantine" || p === "reject";
  return enforcing(r.p) && (r.sp === undefined || enforcing(r.sp)) && (r.pct === undefined || r.pct === 100);
}

/**
 * The record a report domain must publish to accept reports for `domain` (RFC 7489 7.1); none
 * when both share an organizational domain (by the Public Suffix List).
 */
export function externalReportAuthorization(domain: string, reportUri: string): { name: string; value: string } | undefined {
  const target = /@([^!]+)/.exec(reportUri)?.[1]?.toLowerCase();
  if (!target || (getDomain(target) ?? target) === (getDomain(domain) ?? domain)) return undefined;
  return { name: `${domain}._report._dmarc.${target}`, value: "v=DMARC1" };
}

/** A TXT value that is a DMARC record (RFC 7489 6.4: "v=DMARC1" first), valid or not. */
export const isDmarcRecord = (value: string) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(value.trim());

// A staged rollout carries its deadline on the record itself, where the gate (which sees only
// resources) and anyone reading the zone in the dashboard both find it.
const DUE = /enforcement due (\d{4}-\d{2}-\d{2})/;

/** The DMARC record's comment: plain, or with the date a staged policy must enforce by. */
export const dmarcComment = (enforceBy?: string) => (enforceBy ? `DMARC; staged, enforcement due ${enforceBy}` : "DMARC");

/** The enforcement date a staged record's comment carries. */
export const dmarcDueDate = (comment?: string) => (comment ? DUE.exec(comment)?.[1] : undefined);
