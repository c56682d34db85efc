import { isIPv4, isIPv6 } from "node:net";

// SPF (RFC 7208): parse, build, lint and count DNS lookups. The same code serves the config
// schema, the policies and the verifier.

export type Qualifier = "+" | "-" | "~" | "?";
export type MechanismName = "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";

export type SpfTerm =
  | { readonly kind: "mechanism"; readonly qualifier: Qualifier; readonly name: MechanismName; readonly value?: string; readonly cidr4?: number; readonly cidr6?: number }
  | { readonly kind: "modifier"; readonly name: string; readonly value: string };

export interface ParsedSpf {
  readonly terms: readonly SpfTerm[];
  /** Syntax errors; any one makes the record a permerror for receivers. */
  readonly errors: readonly string[];
}

/** Terms that cost a DNS lookup (RFC 7208 4.6.4); at most 10 in a whole evaluation. */
export const LOOKUP_TERMS: ReadonlySet<string> = new Set(["include", "a", "mx", "ptr", "exists", "redirect"]);
export const MAX_LOOKUPS = 10;
export const MAX_VOID_LOOKUPS = 2;

export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(\s|$)/i.test(txt);
}

// c, r and t are defined only inside explanation strings, never in a domain-spec.
const MACRO_LETTERS = "slodiphv";

/** RFC 7208 7.1 macro-string: literals and %{letter [digits][r] [delimiters]}, %%, %_, %-. */
function macroStringError(s: string, letters = MACRO_LETTERS): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = ch.charCodeAt(0);
    if (code < 0x21 || code > 0x7e) return `character 0x${code.toString(16)} is not allowed`;
    if (ch !== "%") continue;
    const next = s[i + 1];
    if (next === "%" || next === "_" || next === "-") {
      i++;
      continue;
    }
    const m = /^%\{([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)\}/.exec(s.slice(i));
    if (!m) return `"${s.slice(i, i + 6)}" is not a valid macro`;
    if (!letters.includes(m[1].toLowerCase())) return `macro letter "${m[1]}" is not defined here`;
    i += m[0].length - 1;
  }
  return undefined;
}

const ALNUM_TOPLABEL = /^(?=.*[a-z])[a-z0-9]+$|^[a-z0-9][a-z0-9-]*[a-z0-9]$/i;

/** domain-spec: a macro-string ending in a top label (not all digits) or a macro. */
export function domainSpecError(spec: string): string | undefined {
  if (spec === "") return "the domain is empty";
  const macroError = macroStringError(spec);
  if (macroError) return macroError;
  if (/%\{[^}]*\}\.?$/.test(spec)) return undefined;
  const labels = spec.replace(/\.$/, "").split(".");
  if (labels.length < 2) return `"${spec}" is not a fully qualified domain`;
  if (labels.some((l) => l === "")) return `"${spec}" has an empty label`;
  if (labels.some((l) => l.length > 63 && !l.includes("%"))) return `"${spec}" has a label longer than 63 characters`;
  const top = labels[labels.length - 1];
  if (!ALNUM_TOPLABEL.test(top) || /^\d+$/.test(top)) return `"${spec}" does not end in a valid top-level label`;
  return undefined;
}

const CIDR = "(?:0|[1-9]\\d?\\d?)";
const DUAL_CIDR = new RegExp(`^(?:/(${CIDR}))?(?://(${CIDR}))?$`);

function parseMechanism(qualifier: Qualifier, name: string, rest: string): SpfTerm | string {
  const mech = name.toLowerCase() as MechanismName;
  switch (mech) {
    case "all":
      return rest === "" ? { kind: "mechanism", qualifier, name: mech } : `"all" takes no argument (got "all${rest}")`;
    case "include":
    case "exists": {
      if (!rest.startsWith(":")) return `"${mech}" needs ":domain"`;
      const domain = rest.slice(1);
      if (/\/\d+$/.test(domain)) return `"${mech}" takes no CIDR length`;
      const err = domainSpecError(domain);
      return err ? `${mech}: ${err}` : { kind: "mechanism", qualifier, name: mech, value: domain };
    }
    case "ptr": {
      if (rest !== "" && !rest.startsWith(":")) return `"ptr" takes only ":domain"`;
      const domain = rest.slice(1);
      if (rest.startsWith(":")) {
        const err = domainSpecError(domain);
        if (err) return `ptr: ${err}`;
      }
      return { kind: "mechanism", qualifier, name: mech, value: rest ? domain : undefined };
    }
    case "a":
    case "mx": {
      // A domain-spec may itself contain "/": only a trailing /N or //N is a CIDR length.
      const m = /^(?::(.*?))?((?:\/(?:0|[1-9]\d*))?(?:\/\/(?:0|[1-9]\d*))?)$/.exec(rest);
      if (!m) return `"${mech}${rest}" is malformed`;
      const [, domain, cidrs = ""] = m;
      if (domain !== undefined) {
        const err = domainSpecError(domain);
        if (err) return `${mech}: ${err}`;
      }
      const c = DUAL_CIDR.exec(cidrs);
      if (!c) return `${mech}: "${cidrs}" is not a valid CIDR length`;
      const cidr4 = c[1] === undefined ? undefined : Number(c[1]);
      const cidr6 = c[2] === undefined ? undefined : Number(c[2]);
      if ((cidr4 ?? 0) > 32 || (cidr6 ?? 0) > 128) return `${mech}: CIDR length out of range in "${cidrs}"`;
      return { kind: "mechanism", qualifier, name: mech, value: domain, cidr4, cidr6 };
    }
    case "ip4": {
      const m = new RegExp(`^:([^/]+)(?:/(${CIDR}))?$`).exec(rest);
      if (!m || !isIPv4(m[1]) || (m[2] !== undefined && Number(m[2]) > 32)) return `ip4: "${rest.slice(1)}" is not an IPv4 address or network`;
      return { kind: "mechanism", qualifier, name: mech, value: m[1], cidr4: m[2] === undefined ? undefined : Number(m[2]) };
    }
    case "ip6": {
      const m = new RegExp(`^:([^/]+)(?:/(${CIDR}))?$`).exec(rest);
      if (!m || !isIPv6(m[1]) || (m[2] !== undefined && Number(m[2]) > 128)) return `ip6: "${rest.slice(1)}" is not an IPv6 address or network`;
      return { kind: "mechanism", qualifier, name: mech, value: m[1], cidr6: m[2] === undefined ? undefined : Number(m[2]) };
    }
    default:
      return `unknown mechanism "${name}"`;
  }
}

export function parseSpf(record: string): ParsedSpf {
  const errors: string[] = [];
  const terms: SpfTerm[] = [];
  if (!isSpfRecord(record)) return { terms, errors: ['the record does not start with "v=spf1"'] };
  // Terms are separated by spaces only; any other whitespace or control character is an error.
  const body = record.slice(6);
  if (/[^\x20-\x7e]/.test(body)) errors.push("the record contains a character that is not printable ASCII");
  for (const token of body.split(" ").filter((t) => t !== "")) {
    const mod = /^([a-zA-Z][a-zA-Z0-9\-_.]*)=(.*)$/.exec(token);
    if (mod) {
      const [, name, value] = mod;
      const lower = name.toLowerCase();
      if ((lower === "redirect" || lower === "exp") && terms.some((t) => t.kind === "modifier" && t.name === lower)) errors.push(`"${lower}" appears more than once`);
      const err = lower === "redirect" || lower === "exp" ? domainSpecError(value) : macroStringError(value);
      if (err) errors.push(`${name}=: ${err}`);
      terms.push({ kind: "modifier", name: lower, value });
      continue;
    }
    if (token.includes("=")) {
      errors.push(`"${token}" is not a valid modifier`);
      continue;
    }
    const m = /^([+\-~?]?)([a-zA-Z0-9]+)(.*)$/.exec(token);
    if (!m) {
      errors.push(`"${token}" is not a mechanism or modifier`);
      continue;
    }
    const parsed = parseMechanism((m[1] || "+") as Qualifier, m[2], m[3]);
    if (typeof parsed === "string") errors.push(parsed);
    else terms.push(parsed);
  }
  return { terms, errors };
}

/** DNS-querying terms in this record alone (includes and redirects count 1 each here). */
export function directLookups(parsed: ParsedSpf): number {
  return parsed.terms.filter((t) => LOOKUP_TERMS.has(t.name)).length;
}

export interface SpfBuild {
  readonly ip4?: readonly string[];
  readonly ip6?: readonly string[];
  readonly includes?: readonly string[];
  /** `-all` (fail) or `~all` (softfail); never `+all` or `?all`. */
  readonly all: "-all" | "~all";
}

export function buildSpf(b: SpfBuild): string {
  return ["v=spf1", ...(b.ip4 ?? []).map((ip) => `ip4:${ip}`), ...(b.ip6 ?? []).map((ip) => `ip6:${ip}`), ...(b.includes ?? []).map((d) => `include:${d}`), b.all].join(" ");
}

export interface SpfLint {
  readonly severity: "error" | "warning";
  readonly message: string;
}

/**
 * What checkdmarc and internet.nl flag in one record: syntax, an `all` that lets anyone send,
 * `ptr`, too many lookups counted from the record itself, and size.
 */
export function lintSpf(record: string, opts: { requireFail?: boolean } = {}): SpfLint[] {
  const parsed = parseSpf(record);
  const out: SpfLint[] = parsed.errors.map((message) => ({ severity: "error" as const, message }));
  const all = parsed.terms.find((t) => t.kind === "mechanism" && t.name === "all");
  const redirect = parsed.terms.some((t) => t.kind === "modifier" && t.name === "redirect");
  if (all?.kind === "mechanism" && (all.qualifier === "+" || all.qualifier === "?")) {
    out.push({ severity: "error", message: `"${all.qualifier === "+" ? "+all" : "?all"}" lets any server send as this domain; end with -all` });
  } else if (!all && !redirect) {
    out.push({ severity: "error", message: 'no "all" term: mail from any server is neutral; end with -all' });
  } else if (opts.requireFail && all?.kind === "mechanism" && all.qualifier !== "-") {
    out.push({ severity: "error", message: `ends in "${all.qualifier}all"; this environment requires "-all"` });
  }
  if (parsed.terms.some((t) => t.name === "ptr")) out.push({ severity: "warning", message: '"ptr" is slow and unreliable (RFC 7208 5.5); list the addresses or includes instead' });
  const lookups = directLookups(parsed);
  if (lookups > MAX_LOOKUPS) out.push({ severity: "error", message: `${lookups} DNS-querying terms; receivers stop at ${MAX_LOOKUPS} (permerror)` });
  if (record.length > 450) out.push({ severity: "warning", message: `${record.length} characters; keep SPF under about 450 so the answer fits in one UDP packet` });
  return out;
}

/** What `countLookups` needs from DNS. `undefined` means no such name or no records (a void lookup). */
export interface SpfResolver {
  txt(name: string): Promise<string[] | undefined>;
  mx(name: string): Promise<string[] | undefined>;
  a(name: string): Promise<string[] | undefined>;
}

export interface LookupCount {
  readonly lookups: number;
  readonly voidLookups: number;
  /** Set when an evaluation would end in permerror for a processing limit or a broken target. */
  readonly error?: string;
}

/**
 * Counts DNS-querying terms the way a receiver spends them, following include and redirect,
 * and stops at the first limit a receiver would hit. Macros are not expanded: a term that uses
 * one still counts, its target is not followed.
 */
export async function countLookups(domain: string, resolver: SpfResolver): Promise<LookupCount> {
  let lookups = 0;
  let voids = 0;
  const limit = (): string | undefined =>
    lookups > MAX_LOOKUPS ? `more than ${MAX_LOOKUPS} DNS-querying terms` : voids > MAX_VOID_LOOKUPS ? `more than ${MAX_VOID_LOOKUPS} void lookups` : undefined;
  const visit = async (name: string, top: boolean): Promise<string | undefined> => {
    const records = ((await resolver.txt(name)) ?? []).filter(isSpfRecord);
    if (records.length === 0) return top ? undefined : `${name} publishes no SPF record`;
    if (records.length > 1) return `${name} publishes ${records.length} SPF records`;
    const parsed = parseSpf(records[0]);
    if (parsed.errors.length) return `${name}: ${parsed.errors[0]}`;
    const redirect = parsed.terms.find((t) => t.kind === "modifier" && t.name === "redirect");
    const hasAll = parsed.terms.some((t) => t.name === "all");
    for (const t of parsed.terms) {
      if (t.kind !== "mechanism" || !LOOKUP_TERMS.has(t.name)) continue;
      lookups++;
      const over = limit();
      if (over) return over;
      const target = t.value ?? name;
      if (target.includes("%")) continue;
      if (t.name === "include") {
        const err = await visit(target, false);
        if (err) return err;
      } else if (t.name === "mx") {
        const hosts = await resolver.mx(target);
        if (!hosts || hosts.length === 0) voids++;
        else if (hosts.length > MAX_LOOKUPS) return `mx:${target} names ${hosts.length} hosts; receivers resolve at most ${MAX_LOOKUPS}`;
      } else if (t.name === "a" || t.name === "exists") {
        if (!(await resolver.a(target))?.length) voids++;
      }
      const overAfter = limit();
      if (overAfter) return overAfter;
    }
    if (redirect && !hasAll && redirect.kind === "modifier") {
      lookups++;
      const over = limit();
      if (over) return over;
      if (!redirect.value.includes("%")) return visit(redirect.value, false);
    }
    return undefined;
  };
  const error = await visit(domain, true);
  return { lookups, voidLookups: voids, ...(error ? { error } : {}) };
}
