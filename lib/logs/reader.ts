import { closeSync, createReadStream, existsSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

// Reads a security-log export as a stream of events, whatever the shape it came in: the app's
// JSON lines, or the JSON that `aws logs filter-log-events` prints (each event's `message` is
// one of the app's lines), either of them gzipped. Memory stays flat: nothing holds more than
// one line or one event at a time.

export interface LogRecord {
  /** Where the event is, for evidence: `file:line`, or `file event N` in an export. */
  readonly where: string;
  /** The app's log line, as it was written ("" for an over-long line, which is not kept). */
  readonly text: string;
  /** Set on a line longer than MAX_LINE: its length in characters, counted as it streamed past. */
  readonly overLong?: number;
}

/** A line of a JSON-lines file. Its `where` is spelled only when evidence needs it: most lines never do. */
class LineRecord implements LogRecord {
  constructor(
    private readonly file: string,
    private readonly line: number,
    readonly text: string,
    readonly overLong?: number,
  ) {}
  get where(): string {
    return `${this.file}:${this.line}`;
  }
}

/** An export that cannot be read as a whole: verify stops with exit 2 and reads nothing else. */
export class LogInputError extends Error {}

// Read and inflate 64 KiB at a time: larger chunks scan no faster and raise peak memory (1 MiB
// chunks took a 100 MB scan from 91 to 170 MiB).
const CHUNK = 1 << 16;
// Events handed on together from an export: about a read chunk's worth.
const EXPORT_BATCH = 200;
/**
 * The longest line kept: CloudWatch's largest event is 1 MiB, so a longer line is no single
 * event (a file without newlines, or a dump). It streams past, measured but never kept, so memory stays flat.
 */
export const MAX_LINE = 4 << 20;

/** A line too long to keep: its length, and its start (to tell a one-line export by). */
interface OverLong {
  readonly overLong: number;
  readonly head: string;
}
type Line = string | OverLong;

const FIX = "Fix: pass the app's JSON-lines log, or the output of aws logs filter-log-events --log-group-name <group> --unmask --start-time <ms> --end-time <ms> > export.json (gzip allowed).";

/** The files a `--logs` argument names: the file, or the files in the folder, in name order. */
export function logFiles(path: string): string[] {
  if (!existsSync(path)) throw new LogInputError(`--logs ${path} does not exist. ${FIX}`);
  if (!statSync(path).isDirectory()) return [path];
  const entries = readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const files = entries.filter((e) => e.isFile()).map((e) => join(path, e.name));
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  // Only the files directly in the folder are read: say so when the export sits one level down.
  if (files.length === 0 && folders.length) throw new LogInputError(`--logs ${path} holds only folders (${folders.slice(0, 3).join(", ")}${folders.length > 3 ? ", ..." : ""}); the files directly in it are read. ${FIX}`);
  if (files.length === 0) throw new LogInputError(`--logs ${path} is a folder with no files in it. ${FIX}`);
  return files;
}

/** Bytes [start, end) of a file, each a line boundary: one thread's share of a large file. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

function open(file: string, range?: ByteRange): Readable {
  const raw = createReadStream(file, { highWaterMark: CHUNK, ...(range && { start: range.start, end: range.end - 1 }) });
  if (!file.endsWith(".gz")) return raw;
  const gunzip = createGunzip({ chunkSize: CHUNK });
  raw.on("error", (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** A read error as one line that names the file and the fix; never the content. */
function inputError(file: string, e: Error & { code?: string }): LogInputError {
  if (e instanceof LogInputError) return e;
  if (e.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(e.message)) return new LogInputError(`${file} is a truncated gzip file (it ends before its data does). Fix: download or copy the export again.`);
  if (e.code?.startsWith("Z_")) return new LogInputError(`${file} is not valid gzip data (${e.message}). Fix: pass the .gz file as the export wrote it, or the uncompressed file.`);
  return new LogInputError(`${file} could not be read: ${e.message}. ${FIX}`);
}

/** Every event in the files, in order, a batch at a time (a read chunk's worth of lines). */
export async function* readLogs(path: string): AsyncGenerator<LogRecord[]> {
  for (const file of logFiles(path)) {
    const shape = await shapeOf(file);
    if (shape === "empty") continue;
    if (shape === "export") yield* exportEvents(file);
    else yield* jsonLines(file);
  }
}

/**
 * The file's whole lines, a read chunk at a time, with the number of the first. An input error
 * (a truncated gzip) is thrown here, once, as a LogInputError. Batches rather than single lines,
 * because a hand-off per line costs more than reading it.
 */
async function* lineBatches(file: string, range?: ByteRange, counted?: { lines: number }): AsyncGenerator<{ first: number; lines: Line[] }> {
  const input = open(file, range);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let first = 1;
  // Inside an over-long line: its length so far and its start, until its newline comes.
  let skipped: { length: number; head: string } | undefined;
  try {
    for await (const chunk of input) {
      let text = decoder.write(chunk as Buffer);
      if (skipped) {
        const nl = text.indexOf("\n");
        if (nl < 0) {
          skipped.length += text.length;
          continue;
        }
        yield { first, lines: [{ overLong: skipped.length + nl, head: skipped.head }] };
        first++;
        skipped = undefined;
        text = text.slice(nl + 1);
      }
      text = rest + text;
      // A byte-order mark (Windows tools write one) is not part of the first line.
      if (first === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const end = text.lastIndexOf("\n");
      if (end < 0) {
        rest = text;
        if (rest.length > MAX_LINE) (skipped = { length: rest.length, head: rest.slice(0, 256) }), (rest = "");
        continue;
      }
      rest = text.slice(end + 1);
      // A fixed-string split is several times quicker than the regex; most logs hold no \r.
      const body = text.slice(0, end);
      const lines = body.includes("\r") ? body.split(/\r?\n/) : body.split("\n");
      yield { first, lines };
      first += lines.length;
    }
    rest += decoder.end();
    if (skipped) yield { first, lines: [{ overLong: skipped.length, head: skipped.head }] };
    else if (rest) yield { first, lines: [rest.replace(/\r$/, "")] };
    if (counted) counted.lines = first - 1 + (skipped || rest ? 1 : 0);
  } catch (e) {
    throw inputError(file, e as Error);
  } finally {
    input.destroy();
  }
}

/** JSON lines when the first line is a whole JSON object; an export when it only opens one. */
export async function shapeOf(file: string): Promise<"lines" | "export" | "empty"> {
  try {
    for await (const { lines } of lineBatches(file)) {
      const line = lines.find((l) => typeof l !== "string" || l.trim());
      if (line === undefined) continue;
      // A whole export on one line (minified JSON) streams as an export; any other line too long
      // to be an event is the lines reader's to report, with its line number.
      if (typeof line !== "string") return /^\s*\{\s*"events"\s*:/.test(line.head) ? "export" : "lines";
      const t = line.trim();
      if (t.includes("\u0000") || t.startsWith("\ufffd\ufffd")) throw new LogInputError(`${file} is UTF-16 text; an export is read as UTF-8. Fix: save it as UTF-8 (in Windows PowerShell: | Out-File -Encoding utf8), or write it from a shell with > export.json.`);
      if (t.startsWith("{")) {
        try {
          const first = JSON.parse(t);
          if (first && typeof first === "object" && !Array.isArray(first)) return Array.isArray(first.events) ? "export" : "lines";
        } catch {
          return "export";
        }
      }
      throw new LogInputError(`${file} is neither JSON lines nor the JSON of aws logs filter-log-events: its first line is not a JSON object. ${FIX}`);
    }
    return "empty";
  } catch (e) {
    throw inputError(file, e as Error);
  }
}

/**
 * The JSON lines of a file, or of one byte range of it, numbered from the range's start; `counted`
 * gets the range's line count, so the caller can number the next range on.
 */
export async function* jsonLines(file: string, range?: ByteRange, counted?: { lines: number }): AsyncGenerator<LogRecord[]> {
  for await (const { first, lines } of lineBatches(file, range, counted)) {
    const records: LogRecord[] = [];
    lines.forEach((line, i) => {
      if (typeof line !== "string") records.push(new LineRecord(file, first + i, "", line.overLong));
      else if (line.trim()) records.push(new LineRecord(file, first + i, line));
    });
    yield records;
  }
}

async function* exportEvents(file: string): AsyncGenerator<LogRecord[]> {
  // Loaded here, not at the top: a worker thread reading byte ranges of JSON lines never needs it.
  const { parser } = require("stream-json") as typeof import("stream-json");
  const { pick } = require("stream-json/filters/Pick") as typeof import("stream-json/filters/Pick");
  const { streamArray } = require("stream-json/streamers/StreamArray") as typeof import("stream-json/streamers/StreamArray");
  const tokens = open(file).pipe(parser());
  // The events array must be there at the top: any other JSON document is not an export.
  let sawEvents = false;
  let depth = 0;
  let firstClosed = false;
  tokens.on("data", (t: { name: string; value?: string }) => {
    if (t.name === "startObject" || t.name === "startArray") depth++;
    else if (t.name === "endObject" || t.name === "endArray") firstClosed ||= --depth === 0;
    else if (depth === 1 && t.name === "keyValue" && t.value === "events") sawEvents = true;
  });
  const events = tokens.pipe(pick({ filter: "events" })).pipe(streamArray());
  tokens.on("error", (e) => events.destroy(e));
  let n = 0;
  let batch: LogRecord[] = [];
  try {
    for await (const { value } of events as AsyncIterable<{ value: { message?: unknown } }>) {
      n++;
      const message = typeof value?.message === "string" ? value.message : JSON.stringify(value ?? null);
      batch.push({ where: `${file} event ${n}`, text: message });
      if (batch.length === EXPORT_BATCH) yield batch, (batch = []);
    }
    if (batch.length) yield batch;
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code?.startsWith("Z_") || /unexpected end of file/i.test(err.message)) throw inputError(file, err);
    // One whole object, then more: events written indented over several lines, one after another.
    if (firstClosed && !sawEvents) throw new LogInputError(`${file} holds JSON objects spread over several lines each; the security log is one JSON object per line. Fix: have the logger write each event unindented on one line (JSON.stringify(event), pino or winston's json format).`);
    throw new LogInputError(`${file} is not complete JSON (${err.message.split("\n")[0]}). ${FIX}`);
  }
  if (!sawEvents) throw new LogInputError(`${file} is JSON, but not the output of aws logs filter-log-events: it has no "events" list. ${FIX}`);
}

/**
 * Cuts a file into `parts` byte ranges of about equal size, each starting just after a newline,
 * so every line falls wholly in one range.
 */
export function lineAlignedRanges(file: string, parts: number): ByteRange[] {
  const size = statSync(file).size;
  const fd = openSync(file, "r");
  try {
    const cuts = [0];
    const probe = Buffer.alloc(CHUNK);
    for (let k = 1; k < parts; k++) {
      let at = Math.max(Math.floor((size * k) / parts), cuts[cuts.length - 1]);
      // Read on from the nominal cut to the next newline; a range with none left ends the file.
      for (;;) {
        const n = readSync(fd, probe, 0, CHUNK, at);
        if (n === 0) {
          at = size;
          break;
        }
        const nl = probe.subarray(0, n).indexOf(10);
        if (nl >= 0) {
          at += nl + 1;
          break;
        }
        at += n;
      }
      if (at < size) cuts.push(at);
    }
    cuts.push(size);
    return cuts.slice(1).map((end, i) => ({ start: cuts[i], end }));
  } finally {
    closeSync(fd);
  }
}
