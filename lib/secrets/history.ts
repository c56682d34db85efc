import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { typeScriptWorker } from "../typescript-worker";
import { tally, type BatchRequest, type HistoryFinding, type Place } from "./history-batch";

// Every line ever added in a repository's history, scanned as `git log -p` streams it: the main
// thread cuts the output into batches of whole lines and worker threads scan them, so reading git
// and scanning overlap. At most a few batches are in flight (git is paused beyond that), so
// memory stays flat however large the history is, and a secret removed later is still found.

export type { HistoryFinding };

export interface HistoryScan {
  readonly findings: HistoryFinding[];
  /** Bytes of added lines scanned. */
  readonly bytes: number;
  readonly commits: number;
}

// About one read of git's pipe: the keyword pre-filter picks the rules a batch can match, and
// a small batch picks few, where a 1 MB batch holds some keyword of nearly every rule and runs
// them all over all of it (a 2,000-commit history: 2.5 s at 32 KB, 3.4 s at 1 MB).
const BATCH_CHARS = 1 << 15;
// Git and the main thread share one core; the rest scan.
export const HISTORY_THREADS = Math.max(1, Math.min(3, availableParallelism() - 1));
const IN_FLIGHT_PER_WORKER = 2;
// V8 grows a heap lazily, so an unbounded worker would hold more memory the longer the history;
// a batch needs a few MB, and a bounded heap keeps the scan's memory flat.
const HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

export function scanHistory(repo: string): Promise<HistoryScan> {
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: HISTORY_THREADS }, () => typeScriptWorker(join(__dirname, "history-batch.ts"), { resourceLimits: HEAP }));
    const git = spawn("git", ["-C", repo, "log", "-p", "--all", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--format=commit %H"], { stdio: ["ignore", "pipe", "pipe"] });
    const findings = new Map<string, HistoryFinding>();
    const place: Place = { commit: "", file: "" };
    const totals = { commits: 0, bytes: 0 };
    let inFlight = 0;
    let sent = 0;
    let gitDone = false;
    let failed = false;
    let stderr = "";

    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) void w.terminate();
      if (error) {
        git.kill();
        reject(error);
      } else resolve({ findings: [...findings.values()], bytes: totals.bytes, commits: totals.commits });
    };
    for (const w of workers) {
      w.on("error", (e) => finish(new Error(`history scan worker failed: ${e.message}`)));
      w.on("message", ({ found }: { found: HistoryFinding[] }) => {
        for (const f of found) findings.set(`${f.file}\0${f.commit}\0${f.kind}`, f);
        inFlight--;
        if (git.stdout.isPaused() && inFlight < HISTORY_THREADS * IN_FLIGHT_PER_WORKER) git.stdout.resume();
        if (gitDone && inFlight === 0) finish();
      });
    }
    const send = (batch: string) => {
      if (!batch) return;
      const request: BatchRequest = { id: sent, batch, from: { ...place } };
      tally(batch, place, totals);
      workers[sent++ % HISTORY_THREADS].postMessage(request);
      if (++inFlight >= HISTORY_THREADS * IN_FLIGHT_PER_WORKER) git.stdout.pause();
    };

    let pending: string[] = [];
    let pendingChars = 0;
    git.stdout.setEncoding("utf8");
    git.stdout.on("data", (chunk: string) => {
      pending.push(chunk);
      pendingChars += chunk.length;
      if (pendingChars < BATCH_CHARS) return;
      const text = pending.join("");
      const cut = text.lastIndexOf("\n") + 1;
      send(text.slice(0, cut));
      pending = [text.slice(cut)];
      pendingChars = text.length - cut;
    });
    git.stderr.on("data", (c: Buffer) => void (stderr.length < 2000 && (stderr += c.toString())));
    git.on("error", (e) => finish(e));
    git.on("close", (code) => {
      if (code !== 0 && !failed) return finish(new Error(`git log failed in ${repo}: ${stderr.trim().split("\n")[0] || `exit ${code}`}`));
      send(pending.join(""));
      gitDone = true;
      if (inFlight === 0) finish();
    });
  });
}
