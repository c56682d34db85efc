import { spawn } from "node:child_process";
import { scanText } from "./detector";

// Every line ever added in a repository's history, scanned in batches as `git log -p` streams it:
// memory stays flat however large the history is, and a secret removed later is still found.

export interface HistoryFinding {
  readonly file: string;
  readonly commit: string;
  readonly kind: string;
}

export interface HistoryScan {
  readonly findings: HistoryFinding[];
  /** Bytes of added lines scanned. */
  readonly bytes: number;
  readonly commits: number;
}

const BATCH_BYTES = 1 << 20;

export function scanHistory(repo: string): Promise<HistoryScan> {
  return new Promise((resolve, reject) => {
    const git = spawn("git", ["-C", repo, "log", "-p", "--all", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--format=commit %H"], { stdio: ["ignore", "pipe", "pipe"] });
    const findings = new Map<string, HistoryFinding>();
    let commit = "";
    let file = "";
    let commits = 0;
    let bytes = 0;
    // The batch: added lines joined by "\n", and for each line where it came from.
    let lines: string[] = [];
    // Where each line came from, as two parallel arrays of shared strings (no object per line).
    let commitOf: string[] = [];
    let fileOf: string[] = [];
    let batchBytes = 0;
    const flush = () => {
      if (!lines.length) return;
      for (const hit of scanText(lines.join("\n"))) {
        const [c, f] = [commitOf[hit.line - 1], fileOf[hit.line - 1]];
        findings.set(`${f}\0${c}\0${hit.kind}`, { file: f, commit: c, kind: hit.kind });
      }
      lines = [];
      commitOf = [];
      fileOf = [];
      batchBytes = 0;
    };
    let rest = "";
    let stderr = "";
    git.stdout.setEncoding("utf8");
    git.stdout.on("data", (chunk: string) => {
      const text = rest + chunk;
      const cut = text.lastIndexOf("\n");
      rest = text.slice(cut + 1);
      for (const line of text.slice(0, cut).split("\n")) {
        if (line.startsWith("+") && !line.startsWith("+++ ")) {
          lines.push(line.slice(1));
          commitOf.push(commit);
          fileOf.push(file);
          batchBytes += line.length;
          bytes += line.length;
          if (batchBytes >= BATCH_BYTES) flush();
        } else if (line.startsWith("commit ")) {
          commit = line.slice(7, 19);
          commits++;
        } else if (line.startsWith("+++ b/")) file = line.slice(6);
      }
    });
    git.stderr.on("data", (c: Buffer) => void (stderr.length < 2000 && (stderr += c.toString())));
    git.on("error", reject);
    git.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git log failed in ${repo}: ${stderr.trim().split("\n")[0] || `exit ${code}`}`));
      flush();
      resolve({ findings: [...findings.values()], bytes, commits });
    });
  });
}
