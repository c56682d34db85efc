import type { LogAnalysis, Sample } from "../../logs/analyze";
import type { ProbeRecord } from "../../logs/probe-record";
import { MAX_LINE } from "../../logs/reader";
import type { Check, CheckResult } from "../types";

// The app's security log, proven on an export (`verify --logs`): nothing that must never be
// logged is there, and the events follow the contract (lib/logs/vocabulary.ts). Both read the
// one analysis verify made of the export before any check ran.

// CloudWatch shows what a data protection policy masked as asterisks, unless asked to unmask.
const UNMASK = "Fix: fetch the export with aws logs filter-log-events --unmask (needs logs:Unmask); if the app writes the asterisks itself, have it write [Redacted] instead.";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** `1 event holds`, `2 events hold`. */
const events = (n: number, verb: string, verbForOne: string) => `${plural(n, "event")} ${n === 1 ? verbForOne : verb}`;
const listed = (s: Sample) => (s.count > s.examples.length ? [...s.examples, `... and ${s.count - s.examples.length} more`] : s.examples);

export const logsSensitiveData: Check = {
  id: "logs.sensitive-data",
  needs: "logs",
  area: "Logging and monitoring",
  runbook: "sensitive-data-in-logs",
  async run(ctx): Promise<CheckResult> {
    const a = ctx.logs!;
    if (a.sensitive.count) return { status: "fail", summary: `${plural(a.sensitive.count, "event")} of ${a.events} ${a.sensitive.count === 1 ? "holds" : "hold"} what must never be logged (values not shown)`, evidence: listed(a.sensitive) };
    if (a.overLong.count) return { status: "warn", summary: `no secrets in the ${plural(a.events - a.overLong.count, "event")} read, but ${plural(a.overLong.count, "line")} too long to be an event ${a.overLong.count === 1 ? "was" : "were"} not read`, evidence: listed(a.overLong) };
    if (a.masked.count) return { status: "warn", summary: `no secrets in the visible text of ${plural(a.events, "event")}, but ${events(a.masked.count, "hold", "holds")} text masked with asterisks, which cannot be judged. ${UNMASK}`, evidence: listed(a.masked) };
    if (a.emails.count) return { status: "warn", summary: `no secrets in ${plural(a.events, "event")}, but ${events(a.emails.count, "hold", "holds")} an email address`, evidence: listed(a.emails) };
    return { status: "pass", summary: `no password, header, session id, token, key, connection string, card number or email address in ${plural(a.events, "event")}`, evidence: [] };
  },
};

export const logsSecurityEvents: Check = {
  id: "logs.security-events",
  needs: "logs",
  area: "Logging and monitoring",
  runbook: "sensitive-data-in-logs",
  async run(ctx): Promise<CheckResult> {
    const a = ctx.logs!;
    if (a.events === 0) return { status: "fail", summary: `the export ${a.source} holds no events: the app logs no security events, or the export's time window is empty`, evidence: [] };
    const problems: Array<[Sample, string, string, string]> = [
      [a.unparsable, "do", "does", "not parse as JSON"],
      [a.overLong, "are", "is", `over ${MAX_LINE >> 20} MiB, not read (CloudWatch's largest event is 1 MiB)`],
      [a.missingFields, "lack", "lacks", "required fields (datetime, appid, event, level, description, source_ip, request_uri, request_method)"],
      [a.notVocabulary, "use", "uses", "an event name outside the OWASP Logging Vocabulary"],
      [a.emailUserIds, "use", "uses", "an email address as the user id"],
    ];
    const failing = problems.filter(([s]) => s.count > 0);
    const counts = Object.entries(a.eventCounts).sort((x, y) => y[1] - x[1]).map(([n, c]) => `${n} ${c}`);
    if (failing.length) return { status: "fail", summary: `${failing.map(([s, verb, verbForOne, what]) => `${events(s.count, verb, verbForOne)} ${what}`).join("; ")} (of ${a.events})`, evidence: failing.flatMap(([s]) => listed(s)) };
    return { status: "pass", summary: `${events(a.events, "follow", "follows")} the contract: ${counts.slice(0, 6).join(", ")}${counts.length > 6 ? ", ..." : ""}`, evidence: [] };
  },
};

/** A check that compares the export with a probe run's record; skipped without one. */
function againstRecord(id: string, runbook: string, judge: (record: ProbeRecord, a: LogAnalysis) => CheckResult): Check {
  return {
    id,
    needs: "logs",
    area: "Logging and monitoring",
    runbook,
    async run(ctx) {
      if (!ctx.probeRecord) return { status: "skip", summary: "no probe record to compare with (--probe-record, written by a --probes run)", evidence: [] };
      return judge(ctx.probeRecord, ctx.logs!);
    },
  };
}

export const logsCanaries = againstRecord("logs.canaries", "sensitive-data-in-logs", (record, a) => {
  if (a.canaryHits.count) return { status: "fail", summary: `${plural(a.canaryHits.count, "credential")} the probes sent reached the log (values not shown)`, evidence: listed(a.canaryHits) };
  if (a.masked.count) return { status: "warn", summary: `none of the ${plural(record.canaries.length, "credential")} the probes sent appears in the visible text, but ${events(a.masked.count, "hold", "holds")} text masked with asterisks that could hide one. ${UNMASK}`, evidence: listed(a.masked) };
  return { status: "pass", summary: `none of the ${plural(record.canaries.length, "credential")} the probes sent (passwords, tokens, cookies) appears in ${plural(a.events, "event")}`, evidence: [] };
});

export const logsProbeEvents = againstRecord("logs.probe-events", "audit-trail-stopped", (record, a) => {
  if (record.expected.length === 0) return { status: "skip", summary: "the probe run refused no attempt that must be logged", evidence: [] };
  // Events carrying the run's User-Agent marker are this run's for sure; else, its time window.
  const marked = Object.keys(a.markedCounts).length > 0;
  const counts = marked ? a.markedCounts : a.windowCounts;
  const scope = marked ? `events marked ${record.marker}` : `events between ${record.startedAt} and ${record.endedAt} (±60 s)`;
  const seen = (e: { events: readonly string[] }) => e.events.reduce((n, name) => n + (counts[name] ?? 0), 0);
  const missing = record.expected.filter((e) => seen(e) === 0);
  const evidence = record.expected.map((e) => `${e.probe}: ${e.attempts} -> ${seen(e)} ${e.events.join(" or ")} event(s)`);
  if (missing.length) return { status: "fail", summary: `the app did not log ${missing.map((e) => `${e.attempts} (${e.events[0]})`).join("; ")}, among ${scope}`, evidence };
  return { status: "pass", summary: `every refused attempt of the probe run was logged as a security event (${record.expected.length} kinds, ${scope})`, evidence };
});
