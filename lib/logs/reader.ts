import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parser } from "stream-json";
import { pick } from "stream-json/filters/Pick";
import { streamArray } from "stream-json/streamers/StreamArray";

// Reads a security-log export as a stream of events, whatever the shape it came in: the app's
// JSON lines, or the JSON that `aws logs filter-log-events` prints (each event's `message` is
// one of the app's lines), either of them gzipped. Memory stays flat: nothing holds more than
// one line or one event at a time.

export interface LogRecord {
  /** Where the event is, for evidence: `file:line`, or `file event N` in an export. */
  readonly where: string;
  /** The app's log line, as it was written. */
  readonly text: string;
}

/** An export that cannot be read as a whole: verify stops with exit 2 and reads nothing else. */
export class LogInputError extends Error {}

const FIX = "Fix: pass the app's JSON-lines log, or the output of aws logs filter-log-events --log-group-name <group> --start-time <ms> --end-time <ms> > export.json (gzip allowed).";

/** The files a `--logs` argument names: the file, or the files in the folder, in name order. */
export function logFiles(path: string): string[] {
  if (!existsSync(path)) throw new LogInputError(`--logs ${path} does not exist. ${FIX}`);
  if (!statSync(path).isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((f) => !f.startsWith("."))
    .sort()
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile());
  if (files.length === 0) throw new LogInputError(`--logs ${path} is a folder with no files in it. ${FIX}`);
  return files;
}

function open(file: string): Readable {
  const raw = createReadStream(file);
  if (!file.endsWith(".gz")) return raw;
  const gunzip = createGunzip();
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

/** Every event in the files, in order. Throws LogInputError for a file that is not an export. */
export async function* readLogs(path: string): AsyncGenerator<LogRecord> {
  for (const file of logFiles(path)) {
    const shape = await shapeOf(file);
    if (shape === "empty") continue;
    if (shape === "export") yield* exportEvents(file);
    else yield* jsonLines(file);
  }
}

/**
 * The file's lines. Depending on when it happens, readline ends early or throws on an input
 * error (a truncated gzip): either way the error is thrown here, once, as a LogInputError.
 */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = open(file);
  let failure: Error | undefined;
  const lines = createInterface({ input, crlfDelay: Infinity });
  input.on("error", (e) => {
    failure = e;
    lines.close();
  });
  try {
    for await (const line of lines) {
      if (failure) break;
      yield line;
    }
  } catch (e) {
    failure = e as Error;
  } finally {
    lines.close();
    input.destroy();
  }
  if (failure) throw inputError(file, failure);
}

/** JSON lines when the first line is a whole JSON object; an export when it only opens one. */
async function shapeOf(file: string): Promise<"lines" | "export" | "empty"> {
  try {
    for await (const line of linesOf(file)) {
      const t = line.trim();
      if (!t) continue;
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

async function* jsonLines(file: string): AsyncGenerator<LogRecord> {
  let n = 0;
  for await (const line of linesOf(file)) {
    n++;
    if (line.trim()) yield { where: `${file}:${n}`, text: line };
  }
}

async function* exportEvents(file: string): AsyncGenerator<LogRecord> {
  const tokens = open(file).pipe(parser());
  // The events array must be there at the top: any other JSON document is not an export.
  let sawEvents = false;
  let depth = 0;
  tokens.on("data", (t: { name: string; value?: string }) => {
    if (t.name === "startObject" || t.name === "startArray") depth++;
    else if (t.name === "endObject" || t.name === "endArray") depth--;
    else if (depth === 1 && t.name === "keyValue" && t.value === "events") sawEvents = true;
  });
  const events = tokens.pipe(pick({ filter: "events" })).pipe(streamArray());
  tokens.on("error", (e) => events.destroy(e));
  let n = 0;
  try {
    for await (const { value } of events as AsyncIterable<{ value: { message?: unknown } }>) {
      n++;
      const message = typeof value?.message === "string" ? value.message : JSON.stringify(value ?? null);
      yield { where: `${file} event ${n}`, text: message };
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code?.startsWith("Z_") || /unexpected end of file/i.test(err.message)) throw inputError(file, err);
    throw new LogInputError(`${file} is not complete JSON (${err.message.split("\n")[0]}). ${FIX}`);
  }
  if (!sawEvents) throw new LogInputError(`${file} is JSON, but not the output of aws logs filter-log-events: it has no "events" list. ${FIX}`);
}
