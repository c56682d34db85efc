import { formatHitsInText, hitsInText, mayHoldPairs, nameCounts, secretsInField, type SecretFinding } from "../secrets/detector";
import { sha256, type ProbeRecord } from "./probe-record";
import { MAX_LINE, type LogRecord } from "./reader";
import { EMAIL, MASKED_RUN, forbiddenField, isRedacted, valueHits } from "./sensitive";
import { REQUIRED_FIELDS, eventName, isVocabulary, vocabularyEntry } from "./vocabulary";

// One pass over a security-log export, for every `logs.*` check: the events are parsed against
// the contract (lib/logs/vocabulary.ts), searched for what must never be logged, and for the
// canaries a probe run planted. The reader hands on a read chunk's lines at a time, and value
// patterns and the secret detector run over each such batch as one text.

/** How many, and where the first few are: evidence never holds a value. */
export interface Sample {
  count: number;
  readonly examples: string[];
}

export interface LogAnalysis {
  readonly source: string;
  events: number;
  bytes: number;
  readonly unparsable: Sample;
  /** Lines too long to be one event (over MAX_LINE): streamed past, so not searched either. */
  readonly overLong: Sample;
  readonly missingFields: Sample;
  readonly notVocabulary: Sample;
  readonly emailUserIds: Sample;
  readonly sensitive: Sample;
  readonly emails: Sample;
  /** Events holding runs of asterisks: masked by CloudWatch (an export without --unmask), or by the app. */
  readonly masked: Sample;
  readonly canaryHits: Sample;
  /** Events per vocabulary name. */
  readonly eventCounts: Record<string, number>;
  /** With a probe record: events per name inside the run's time window, and those carrying its marker. */
  readonly windowCounts: Record<string, number>;
  readonly markedCounts: Record<string, number>;
}

/** How a probe record is looked for: canary hashes by length, and the run's window. */
interface RecordSearch {
  readonly record: ProbeRecord;
  readonly byLength: ReadonlyMap<number, ReadonlyArray<{ sha256: string; label: string }>>;
  readonly from: number;
  readonly to: number;
}

// Events the app writes a little before or after the probes' own clock says: allow for skew.
const SKEW_MS = 60_000;
// A credential sits in a log between quotes, after `=` or `Bearer `, or inside a cookie header.
const PIECES = /[\s;,=&"':\\]+/;

export const EXAMPLES = 10;
const sample = (): Sample => ({ count: 0, examples: [] });
const add = (s: Sample, example: string) => {
  s.count++;
  if (s.examples.length < EXAMPLES) s.examples.push(example);
};

export interface AnalyzeOptions {
  readonly record?: ProbeRecord;
  readonly onProgress?: (events: number, bytes: number) => void;
}

export function emptyAnalysis(source: string): LogAnalysis {
  return { source, events: 0, bytes: 0, unparsable: sample(), overLong: sample(), missingFields: sample(), notVocabulary: sample(), emailUserIds: sample(), sensitive: sample(), emails: sample(), masked: sample(), canaryHits: sample(), eventCounts: {}, windowCounts: {}, markedCounts: {} };
}

/** Every check over a stream of event batches, added into `a`. */
export async function analyzeRecords(a: LogAnalysis, batches: AsyncIterable<LogRecord[]>, opts: AnalyzeOptions = {}): Promise<void> {
  const search = opts.record && recordSearch(opts.record);
  for await (const records of batches) {
    analyzeBatch(a, records, search);
    opts.onProgress?.(a.events, a.bytes);
  }
}

/** Checks one event against the contract; returns what it holds that must never be logged, or undefined when it is no JSON object. */
function readEvent(a: LogAnalysis, r: LogRecord, search: RecordSearch | undefined): string[] | undefined {
  const text = r.text;
  if (search) for (const label of canariesIn(text, search)) add(a.canaryHits, `${r.where}: the ${label}`);
  const masked = text.includes(MASKED_RUN);
  if (masked) add(a.masked, `${r.where}: text masked with asterisks`);
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(text);
    if (!event || typeof event !== "object" || Array.isArray(event)) throw new Error("not an object");
  } catch {
    // CloudWatch's mask can swallow a field's name and quotes: the line was JSON when logged.
    add(a.unparsable, `${r.where}: not a JSON object${masked ? " (it holds masked text: fetch the export with --unmask)" : ""}`);
    return undefined;
  }
  const missing = missingFields(event);
  if (missing.length) add(a.missingFields, `${r.where}: no ${missing.join(", ")}`);
  // The contract's user id is opaque: the first argument of events that take one, or `userid`.
  let emailUserId = isEmail(event.userid);
  if (typeof event.event === "string") {
    const name = eventName(event.event);
    const entry = vocabularyEntry(name);
    if (!entry && !isVocabulary(name)) add(a.notVocabulary, `${r.where}: "${name}" is not a name of the OWASP Logging Vocabulary`);
    else {
      a.eventCounts[name] = (a.eventCounts[name] ?? 0) + 1;
      // The time is read only to place an event in a probe run's window.
      if (search) {
        const at = typeof event.datetime === "string" ? Date.parse(event.datetime) : NaN;
        if (at >= search.from && at <= search.to) a.windowCounts[name] = (a.windowCounts[name] ?? 0) + 1;
        if (text.includes(search.record.marker)) a.markedCounts[name] = (a.markedCounts[name] ?? 0) + 1;
      }
    }
    // The first argument is read only when the event holds an @ at all.
    if (entry?.args.startsWith("userid") && event.event.includes("@", name.length)) emailUserId ||= isEmail(event.event.slice(name.length + 1).split(",")[0]);
  } else if (!missing.includes("event")) {
    const held = Array.isArray(event.event) ? "a list" : typeof event.event === "object" ? "an object" : `a ${typeof event.event}`;
    add(a.notVocabulary, `${r.where}: "event" holds ${held}, not a name:args string of the OWASP Logging Vocabulary`);
  }
  if (emailUserId) add(a.emailUserIds, `${r.where}: the user id is an email address`);
  if (text.includes("@") && EMAIL.test(text)) add(a.emails, `${r.where}: an email address`);
  const found: string[] = [];
  const named: SecretFinding[] = [];
  readFields(event, found, named);
  for (const f of named) addDetectorFinding(found, f);
  return found;
}

const NONE_MISSING: readonly string[] = [];
const isEmail = (v: unknown) => typeof v === "string" && v.includes("@") && EMAIL.test(v);
const absent = (v: unknown) => v === undefined || v === null || v === "";

/**
 * The contract's fields an event lacks. The fields are read by name first: events of one export
 * share one shape, so each read stays a fast property load, where a loop over the names makes
 * one read site see them all (tests/logs-reader.test.ts removes each field in turn).
 */
function missingFields(e: Record<string, unknown>): readonly string[] {
  if (!absent(e.datetime) && !absent(e.appid) && !absent(e.event) && !absent(e.level) && !absent(e.description) && !absent(e.source_ip) && !absent(e.request_uri) && !absent(e.request_method)) return NONE_MISSING;
  return REQUIRED_FIELDS.filter((f) => absent(e[f]));
}

// Field names repeat on every event: what each says is judged once, in one lookup.
const fields = new Map<string, { readonly forbidden?: string; readonly nameCounts: boolean }>();
function fieldOf(key: string): { readonly forbidden?: string; readonly nameCounts: boolean } {
  let f = fields.get(key);
  if (!f) {
    if (fields.size > 10_000) fields.clear();
    f = { forbidden: forbiddenField(key), nameCounts: nameCounts(key) };
    fields.set(key, f);
  }
  return f;
}

/**
 * One walk over a parsed event's fields (objects nested up to four deep): what a field's name
 * says must never be logged, and the secret detector's name test on its value and on pairs
 * written inside it. The contract's `event` field is name:args, judged by the vocabulary, so only
 * its value is read, not pairs in it. A logger's redaction stand-in is no value.
 */
function readFields(event: Record<string, unknown>, found: string[], named: SecretFinding[], depth = 0): void {
  for (const k in event) {
    const v = event[k];
    if (v === null || v === undefined || v === "" || typeof v === "boolean") continue;
    if (typeof v === "object") {
      if (depth < 4) readFields(v as Record<string, unknown>, found, named, depth + 1);
      continue;
    }
    if (typeof v === "string" && isRedacted(v)) continue;
    const field = fieldOf(k);
    if (field.forbidden) found.push(field.forbidden);
    if (typeof v !== "string" && typeof v !== "number") continue;
    // Most fields' names say nothing and their values hold no pair: no detector call for those.
    const inner = !(depth === 0 && k === "event");
    if (field.nameCounts || (inner && typeof v === "string" && mayHoldPairs(v))) named.push(...secretsInField(String(v), k, inner));
  }
}

// Detector kinds a field or value finding already covers on the same event.
const COVERED = new Set(["hardcoded-password", "high-entropy-secret", "jwt", "bearer-token", "basic-auth-header"]);

/** Adds what the detector found on an event, unless the event's other findings already say it. */
function addDetectorFinding(found: string[], f: SecretFinding): void {
  const what = `${f.description} (${f.kind})`;
  if ((COVERED.has(f.kind) && found.length) || found.includes(what)) return;
  found.push(what);
}

function recordSearch(record: ProbeRecord): RecordSearch {
  const byLength = new Map<number, Array<{ sha256: string; label: string }>>();
  for (const c of record.canaries) byLength.set(c.length, [...(byLength.get(c.length) ?? []), c]);
  return { record, byLength, from: Date.parse(record.startedAt) - SKEW_MS, to: Date.parse(record.endedAt) + SKEW_MS };
}

/** Labels of the canaries in a line: pieces of the canaries' lengths, compared by hash. */
function canariesIn(text: string, search: RecordSearch): string[] {
  const labels: string[] = [];
  for (const piece of text.split(PIECES)) {
    const candidates = search.byLength.get(piece.length);
    if (!candidates) continue;
    const h = sha256(piece);
    for (const c of candidates) if (c.sha256 === h && !labels.includes(c.label)) labels.push(c.label);
  }
  return labels;
}

/**
 * Every check over a batch of events: the contract per event, then what must never be logged, by
 * value (JWTs, credentials, card numbers) and by the secret detector (provider keys, connection
 * strings), each over the batch as one text, one line per event, so a hit's line is its event.
 */
function analyzeBatch(a: LogAnalysis, records: readonly LogRecord[], search: RecordSearch | undefined): void {
  // Lines that are no JSON object have no fields to judge by name: the detector reads them whole.
  const unparsed: number[] = [];
  const found = records.map((r, i) => {
    if (r.overLong === undefined) {
      const f = readEvent(a, r, search);
      if (f) return f;
      unparsed.push(i);
      return [];
    }
    add(a.overLong, `${r.where}: a line of ${r.overLong} characters, over ${MAX_LINE >> 20} MiB, not read (CloudWatch's largest event is 1 MiB, so it is no single event). Fix: have the logger write one event per line`);
    return [];
  });
  const starts: number[] = [];
  let at = 0;
  const texts = records.map((r) => {
    const text = r.text.includes("\n") ? r.text.replace(/\r?\n/g, " ") : r.text;
    starts.push(at);
    at += text.length + 1;
    a.bytes += (r.overLong ?? r.text.length) + 1;
    return text;
  });
  a.events += records.length;
  const batch = texts.join("\n");
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Value hits are rare: collected per line only where there are some.
  const values = new Map<number, string[]>();
  for (const v of valueHits(batch)) {
    const line = lineOf(v.at);
    const whats = values.get(line) ?? values.set(line, []).get(line)!;
    if (!whats.includes(v.what)) whats.push(v.what);
  }
  for (const [line, whats] of values) found[line].push(...whats);
  const hits = formatHitsInText(batch).map((h) => [lineOf(h.at), h] as const);
  for (const line of unparsed) for (const h of hitsInText(texts[line])) hits.push([line, h]);
  for (const [line, hit] of hits) addDetectorFinding(found[line], hit);
  found.forEach((whats, line) => whats.length && add(a.sensitive, `${records[line].where}: ${[...new Set(whats)].join("; ")}`));
}
