import { parentPort } from "node:worker_threads";
import { hitsInText } from "./detector";

// One batch of `git log -p` output, scanned on a worker thread while the main thread goes on
// reading git: a hit counts only on an added line, and takes its commit and file from the
// headers above it, or from where the previous batch left off.

export interface HistoryFinding {
  readonly file: string;
  readonly commit: string;
  readonly kind: string;
}

/** The commit and file the line before a batch belonged to. */
export interface Place {
  commit: string;
  file: string;
}

export interface BatchRequest {
  readonly id: number;
  readonly batch: string;
  readonly from: Place;
}

const PLUS = 0x2b;

export function scanBatch(batch: string, from: Place): HistoryFinding[] {
  const found: HistoryFinding[] = [];
  for (const hit of hitsInText(batch)) {
    const start = batch.lastIndexOf("\n", hit.at - 1) + 1;
    if (batch.charCodeAt(start) !== PLUS || batch.startsWith("+++ ", start)) continue;
    found.push({ ...placeAt(batch, start, from), kind: hit.kind });
  }
  return found;
}

/** Counts a batch's commits and added bytes, and moves `place` to where the batch ends. */
export function tally(batch: string, place: Place, totals: { commits: number; bytes: number }): void {
  for (let start = 0; start < batch.length; ) {
    const nl = batch.indexOf("\n", start);
    const end = nl < 0 ? batch.length : nl;
    const first = batch.charCodeAt(start);
    if (first === PLUS) {
      if (batch.startsWith("+++ b/", start)) place.file = batch.slice(start + 6, end);
      else if (!batch.startsWith("+++ ", start)) totals.bytes += end - start - 1;
    } else if (first === 0x63 && batch.startsWith("commit ", start)) {
      place.commit = batch.slice(start + 7, start + 19);
      place.file = "";
      totals.commits++;
    }
    start = end + 1;
  }
}

function placeAt(batch: string, start: number, from: Place): Place {
  const c = lastHeader(batch, "commit ", start);
  const f = lastHeader(batch, "+++ b/", start);
  if (c < 0 && f < 0) return { ...from };
  return {
    commit: c < 0 ? from.commit : batch.slice(c + 7, c + 19),
    file: f < c ? "" : batch.slice(f + 6, batch.indexOf("\n", f)),
  };
}

/** Offset of the last line before `before` that starts with `header`, or -1. */
function lastHeader(batch: string, header: string, before: number): number {
  if (before === 0) return -1;
  const at = batch.lastIndexOf(`\n${header}`, before - 1);
  if (at >= 0) return at + 1;
  return batch.startsWith(header) ? 0 : -1;
}

parentPort?.on("message", ({ id, batch, from }: BatchRequest) => parentPort!.postMessage({ id, found: scanBatch(batch, from) }));
