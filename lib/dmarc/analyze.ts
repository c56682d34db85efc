import { providerByDkim, providerByDomain } from "../zone/catalogues";
import type { AggregateReport, ReportRow } from "./parse";

// DMARC's road to reject, on evidence: aggregate reports grouped by sending source, header From
// and the DKIM and SPF results with their alignment, and a verdict on the next step.
//
// The verdict. A source is identified when a sender catalogue entry matches its DKIM signing
// domain, its SPF domain, or (for mail signed with the zone's own domain) its DKIM selector;
// those are the zone's own senders. The zone is ready for the next step when the reports cover at
// least a week and every identified source is aligned for at least 98% of its messages.
// Unidentified sources that fail are reported (usually spoofing or forwarding) but do not hold
// the step back: enforcement exists to stop them.

export const READY_SHARE = 0.98;
export const MIN_DAYS = 7;

export interface SourceSummary {
  readonly source: string;
  readonly identified: boolean;
  readonly messages: number;
  readonly aligned: number;
  readonly ips: number;
}

export interface Group {
  readonly source: string;
  readonly headerFrom: string;
  readonly dkim: string;
  readonly spf: string;
  readonly messages: number;
}

export interface Readiness {
  readonly current: string;
  readonly next: string;
  readonly ready: boolean;
  readonly reasons: readonly string[];
}

export interface DmarcAnalysis {
  readonly reports: number;
  readonly malformed: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  readonly domains: readonly string[];
  readonly days: number;
  readonly messages: number;
  readonly aligned: number;
  readonly sources: readonly SourceSummary[];
  readonly groups: readonly Group[];
  readonly readiness: Readiness;
}

/** Who sent the row's mail, as far as the reports tell. */
export function sourceName(row: ReportRow): { name: string; identified: boolean } {
  for (const domain of [...row.dkimResults.map((d) => d.domain), ...row.spfResults.map((s) => s.domain), row.envelopeFrom ?? ""]) {
    const p = domain ? providerByDomain(domain) : undefined;
    if (p) return { name: p.name, identified: true };
  }
  for (const d of row.dkimResults) {
    const p = d.selector && d.result === "pass" ? providerByDkim(d.selector) : undefined;
    if (p) return { name: p.name, identified: true };
    if (d.result === "pass" && d.domain === row.headerFrom && d.selector) return { name: `${d.domain} (DKIM selector ${d.selector})`, identified: true };
  }
  return { name: `unidentified ${row.sourceIp}`, identified: false };
}

const dkimLabel = (r: ReportRow) => `${r.dkimResults.map((d) => `${d.result}${d.domain ? ` d=${d.domain}` : ""}`).join(", ") || "none"} (${r.dkim === "pass" ? "aligned" : "not aligned"})`;
const spfLabel = (r: ReportRow) => `${r.spfResults.map((s) => `${s.result}${s.domain ? ` ${s.domain}` : ""}`).join(", ") || "none"} (${r.spf === "pass" ? "aligned" : "not aligned"})`;

/** The step after `p` with `pct`: none, then quarantine at 25%, then quarantine at 100%, then reject. */
export function nextStep(p: string, pct: number | undefined): { current: string; next: string } {
  const share = pct ?? 100;
  if (p === "none") return { current: "p=none", next: "p=quarantine; pct=25" };
  if (p === "quarantine" && share < 100) return { current: `p=quarantine; pct=${share}`, next: "p=quarantine (pct=100)" };
  if (p === "quarantine") return { current: "p=quarantine", next: "p=reject" };
  return { current: share < 100 ? `p=reject; pct=${share}` : "p=reject", next: share < 100 ? "p=reject (pct=100)" : "none: the domain is at enforcement" };
}

export class DmarcAccumulator {
  private readonly sources = new Map<string, SourceSummary & { ipSet: Set<string> }>();
  private readonly groups = new Map<string, Group>();
  private readonly malformed: Array<{ file: string; reason: string }> = [];
  private readonly domains = new Set<string>();
  private reports = 0;
  private begin = Infinity;
  private end = -Infinity;
  private latest: { end: number; p: string; pct?: number } | undefined;

  add(report: AggregateReport): void {
    this.reports++;
    this.domains.add(report.policy.domain);
    this.begin = Math.min(this.begin, report.begin);
    this.end = Math.max(this.end, report.end);
    // DMARCbis reports no pct: the latest report that states one still tells the partial step.
    if (!this.latest || report.end >= this.latest.end) this.latest = { end: report.end, p: report.policy.p, pct: report.policy.pct ?? (this.latest?.p === report.policy.p ? this.latest.pct : undefined) };
    for (const row of report.rows) {
      const { name, identified } = sourceName(row);
      const s = this.sources.get(name) ?? { source: name, identified, messages: 0, aligned: 0, ips: 0, ipSet: new Set<string>() };
      const aligned = row.dkim === "pass" || row.spf === "pass";
      this.sources.set(name, { ...s, messages: s.messages + row.count, aligned: s.aligned + (aligned ? row.count : 0), ipSet: s.ipSet.add(row.sourceIp) });
      const g = { source: name, headerFrom: row.headerFrom, dkim: dkimLabel(row), spf: spfLabel(row) };
      const key = `${g.source}\n${g.headerFrom}\n${g.dkim}\n${g.spf}`;
      this.groups.set(key, { ...g, messages: (this.groups.get(key)?.messages ?? 0) + row.count });
    }
  }

  reject(file: string, reason: string): void {
    this.malformed.push({ file, reason });
  }

  result(): DmarcAnalysis {
    const sources = [...this.sources.values()].map(({ ipSet, ...s }) => ({ ...s, ips: ipSet.size })).sort((a, b) => b.messages - a.messages || a.source.localeCompare(b.source));
    const messages = sources.reduce((n, s) => n + s.messages, 0);
    const aligned = sources.reduce((n, s) => n + s.aligned, 0);
    const days = this.reports ? Math.round(((this.end - this.begin) / 86_400) * 10) / 10 : 0;
    const step = nextStep(this.latest?.p ?? "none", this.latest?.pct);
    const reasons: string[] = [];
    if (this.reports === 0) reasons.push("no readable report");
    else if (days < MIN_DAYS) reasons.push(`the reports cover ${days} day${days === 1 ? "" : "s"}; wait for at least ${MIN_DAYS}`);
    for (const s of sources.filter((x) => x.identified && x.aligned < READY_SHARE * x.messages)) reasons.push(`${s.source}: ${s.messages - s.aligned} of ${s.messages} messages not aligned`);
    if (step.next.startsWith("none")) reasons.length = 0;
    return {
      reports: this.reports,
      malformed: this.malformed,
      domains: [...this.domains].sort(),
      days,
      messages,
      aligned,
      sources,
      groups: [...this.groups.values()].sort((a, b) => b.messages - a.messages || a.source.localeCompare(b.source)),
      readiness: { ...step, ready: !step.next.startsWith("none") && reasons.length === 0, reasons },
    };
  }
}
