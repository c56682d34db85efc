import { isIP } from "node:net";
import { XMLParser, XMLValidator } from "fast-xml-parser";

// One aggregate report (RFC 7489 appendix C, and DMARCbis's revision), read leniently on shape and
// strictly on meaning. Namespaces, the version element, optional elements and their order vary by
// provider; a row whose count is not a number, whose source is not an address, or whose results are
// not DMARC's own words makes the report malformed rather than guessed at.

export interface AuthResult {
  readonly domain: string;
  readonly result: string;
  readonly selector?: string;
}

export interface ReportRow {
  readonly sourceIp: string;
  readonly count: number;
  readonly disposition: string;
  /** DMARC's own evaluation: pass means an aligned pass. */
  readonly dkim: "pass" | "fail";
  readonly spf: "pass" | "fail";
  readonly headerFrom: string;
  readonly envelopeFrom?: string;
  readonly dkimResults: readonly AuthResult[];
  readonly spfResults: readonly AuthResult[];
}

export interface AggregateReport {
  readonly org: string;
  readonly reportId: string;
  readonly begin: number;
  readonly end: number;
  readonly policy: { readonly domain: string; readonly p: string; readonly pct?: number };
  readonly rows: readonly ReportRow[];
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true, isArray: (name) => ["record", "dkim", "spf", "reason"].includes(name), processEntities: false });

type Node = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" ? v.trim() : v === undefined || v === null ? "" : String(v));
const lower = (v: unknown) => text(v).toLowerCase();

export class MalformedReport extends Error {}

function need(v: unknown, what: string, at?: string): string {
  const t = text(v);
  if (!t) throw new MalformedReport(`${at ? `${at}: ` : ""}no ${what}`);
  return t;
}

export function parseReport(xml: string): AggregateReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new MalformedReport(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const feedback = (parser.parse(xml) as Node).feedback as Node | undefined;
  if (!feedback || typeof feedback !== "object") throw new MalformedReport("no <feedback> element: not a DMARC aggregate report");
  const meta = (feedback.report_metadata ?? {}) as Node;
  const range = (meta.date_range ?? {}) as Node;
  const published = (feedback.policy_published ?? {}) as Node;
  const begin = Number(need(range.begin, "date_range/begin"));
  const end = Number(need(range.end, "date_range/end"));
  if (!Number.isInteger(begin) || !Number.isInteger(end) || end < begin) throw new MalformedReport(`date_range ${text(range.begin)}..${text(range.end)} is not a range of Unix times`);
  const pct = text(published.pct) ? Number(published.pct) : undefined;
  const records = (feedback.record ?? []) as Node[];
  return {
    org: need(meta.org_name, "report_metadata/org_name"),
    reportId: need(meta.report_id, "report_metadata/report_id"),
    begin,
    end,
    policy: { domain: lower(need(published.domain, "policy_published/domain")), p: lower(need(published.p, "policy_published/p")), pct: pct !== undefined && Number.isFinite(pct) ? pct : undefined },
    rows: records.map((r, i) => row(r, i + 1)),
  };
}

function row(r: Node, n: number): ReportRow {
  const at = `record ${n}`;
  const rw = (r.row ?? {}) as Node;
  const evaluated = (rw.policy_evaluated ?? {}) as Node;
  const ids = (r.identifiers ?? {}) as Node;
  const auth = (r.auth_results ?? {}) as Node;
  const sourceIp = text(rw.source_ip);
  if (!isIP(sourceIp)) throw new MalformedReport(`${at}: source_ip "${sourceIp}" is not an IP address`);
  const count = Number(text(rw.count));
  if (!/^\d+$/.test(text(rw.count)) || !Number.isSafeInteger(count)) throw new MalformedReport(`${at}: count "${text(rw.count)}" is not a whole number`);
  const verdict = (v: unknown, what: string) => {
    const t = lower(v);
    if (t !== "pass" && t !== "fail") throw new MalformedReport(`${at}: policy_evaluated/${what} is "${text(v)}", not pass or fail`);
    return t;
  };
  const results = (list: unknown) => ((list ?? []) as Node[]).map((a) => ({ domain: lower(a.domain), result: lower(a.result), ...(text(a.selector) ? { selector: lower(a.selector) } : {}) }));
  return {
    sourceIp,
    count,
    disposition: lower(evaluated.disposition) || "none",
    dkim: verdict(evaluated.dkim, "dkim"),
    spf: verdict(evaluated.spf, "spf"),
    headerFrom: lower(need(ids.header_from, "identifiers/header_from", at)),
    envelopeFrom: lower(ids.envelope_from) || undefined,
    dkimResults: results(auth.dkim),
    spfResults: results(auth.spf),
  };
}
