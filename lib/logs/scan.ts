import { closeSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { typeScriptWorker } from "../typescript-worker";
import { EXAMPLES, analyzeRecords, emptyAnalysis, type AnalyzeOptions, type LogAnalysis, type Sample } from "./analyze";
import { analyzeRange, type RangeAnalysis } from "./analyze-range";
import { LogInputError, lineAlignedRanges, logFiles, readLogs, shapeOf, type ByteRange } from "./reader";

// verify --logs over files or a folder. A large plain JSON-lines file is cut into line-aligned
// byte ranges of about 4 MB, which this thread and a worker thread per further core take in turn,
// each reading its range from disk itself (no line crosses threads); the parts are merged in file
// order. Gzip input and CloudWatch exports are one stream and are read on this thread alone.

// Below this, starting a thread (about 150 ms to load the checks) costs more than it saves.
const PARALLEL_FROM = 32e6;
const RANGE_BYTES = 4e6;
const MAX_THREADS = 4;

export interface ScanOptions extends AnalyzeOptions {
  /** Plain JSON-lines files from this size are read by all cores (default 32 MB). */
  readonly parallelFrom?: number;
}

export async function analyzeLogs(path: string, opts: ScanOptions = {}): Promise<LogAnalysis> {
  const a = emptyAnalysis(path);
  for (const file of logFiles(path)) {
    const ranges = await rangesFor(file, opts);
    if (ranges.length < 2) await analyzeRecords(a, readLogs(file), opts);
    else await inParallel(a, file, ranges, opts);
  }
  return a;
}

async function rangesFor(file: string, opts: ScanOptions): Promise<ByteRange[]> {
  if (threads() < 2 || file.endsWith(".gz")) return [];
  const size = statSync(file).size;
  // A first line longer than the peek is no event (or a whole export on one line): the one
  // stream reads it past, rather than this shape test reading it once more.
  if (size < (opts.parallelFrom ?? PARALLEL_FROM) || !startsWithALine(file) || (await shapeOf(file)) !== "lines") return [];
  return lineAlignedRanges(file, Math.max(2, Math.ceil(size / RANGE_BYTES)));
}

function startsWithALine(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(1 << 16);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0)).includes(10);
  } finally {
    closeSync(fd);
  }
}

const threads = () => Math.min(availableParallelism(), MAX_THREADS);

/**
 * The ranges go to whichever thread is free next (this one included), so a thread that started
 * late or met heavier lines never leaves the others waiting at the end.
 */
async function inParallel(a: LogAnalysis, file: string, ranges: ByteRange[], opts: ScanOptions): Promise<void> {
  const parts: RangeAnalysis[] = new Array(ranges.length);
  const seen = ranges.map(() => ({ events: 0, bytes: 0 }));
  const base = { events: a.events, bytes: a.bytes };
  const progress = (k: number, events: number, bytes: number) => {
    seen[k] = { events, bytes };
    opts.onProgress?.(base.events + seen.reduce((n, s) => n + s.events, 0), base.bytes + seen.reduce((n, s) => n + s.bytes, 0));
  };
  let next = 0;
  const take = () => (next < ranges.length ? next++ : -1);
  const here = async () => {
    for (let k = take(); k >= 0; k = take()) parts[k] = await analyzeRange(file, ranges[k]!, opts.record, (e, b) => progress(k, e, b));
  };
  const workers = Array.from({ length: threads() - 1 }, () => inWorker(file, ranges, take, parts, opts, progress));
  await Promise.all([here(), ...workers]);
  let offset = 0;
  for (const part of parts) {
    merge(a, part.analysis, file, offset);
    offset += part.lines;
  }
}

/** A worker thread scanning ranges until none is left. */
function inWorker(file: string, ranges: ByteRange[], take: () => number, parts: RangeAnalysis[], opts: ScanOptions, progress: (k: number, events: number, bytes: number) => void): Promise<void> {
  return new Promise((done, fail) => {
    const worker = typeScriptWorker(join(__dirname, "scan-range.ts"), { workerData: { file, record: opts.record } });
    let current = -1;
    const give = () => {
      current = take();
      if (current < 0) void worker.terminate().then(() => done());
      else worker.postMessage({ range: ranges[current] });
    };
    worker.on("message", (m: { ready?: true; progress?: [number, number]; done?: RangeAnalysis; error?: string; input?: boolean }) => {
      if (m.ready) give();
      else if (m.progress) progress(current, ...m.progress);
      else if (m.done) (parts[current] = m.done), give();
      else if (m.error !== undefined) void worker.terminate(), fail(m.input ? new LogInputError(m.error) : new Error(m.error));
    });
    worker.on("error", fail);
  });
}

/** Adds a part into the whole; its line numbers counted from its range's start become the file's. */
function merge(a: LogAnalysis, part: LogAnalysis, file: string, lineOffset: number): void {
  a.events += part.events;
  a.bytes += part.bytes;
  const prefix = `${file}:`;
  const shift = (example: string) => {
    if (!lineOffset || !example.startsWith(prefix)) return example;
    const digits = /^\d+/.exec(example.slice(prefix.length))?.[0];
    return digits ? `${prefix}${Number(digits) + lineOffset}${example.slice(prefix.length + digits.length)}` : example;
  };
  for (const key of Object.keys(a) as Array<keyof LogAnalysis>) {
    const into = a[key] as unknown;
    const from = part[key] as unknown;
    if (isSample(into) && isSample(from)) {
      into.count += from.count;
      for (const e of from.examples) if (into.examples.length < EXAMPLES) into.examples.push(shift(e));
    } else if (key.endsWith("Counts")) {
      const counts = into as Record<string, number>;
      for (const [name, n] of Object.entries(from as Record<string, number>)) counts[name] = (counts[name] ?? 0) + n;
    }
  }
}

const isSample = (v: unknown): v is Sample => !!v && typeof v === "object" && "examples" in v && "count" in v;
