import { spawn } from "node:child_process";
import { scanText } from "../lib/secrets/detector";
import { scanHistory } from "../lib/secrets/history";
import { loadGitleaks } from "./corpus/gitleaks-as-data";

// Run as a child process by the benchmark: the history scan beside two references on one
// repository, and the floor under both. The references read history as gitleaks' git mode does:
// `git log -p -U0 --all`, each commit's added lines of each file as one fragment. One runs this
// project's detector over the fragments, one thread and no batching, so any finding the fast scan
// gains or loses in its batches and threads shows; the other runs gitleaks' own rules as data.
// Prints JSON: seconds of each, findings as commit+file+kind, and how they compare.

const GIT_LOG = ["log", "-p", "--all", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--format=commit %H"];

/** Streams `git log -p`, calling `fragment(commit, file, added)` for each file of each commit. */
function fragments(repo: string, fragment: (commit: string, file: string, added: string) => void): Promise<number> {
  return new Promise((done, fail) => {
    const git = spawn("git", ["-C", repo, ...GIT_LOG], { stdio: ["ignore", "pipe", "ignore"] });
    let rest = "";
    let commit = "";
    let file = "";
    let added: string[] = [];
    let bytes = 0;
    const flush = () => {
      if (added.length) fragment(commit, file, added.join("\n"));
      added = [];
    };
    const line = (l: string) => {
      // The scan names a commit by its first twelve hex digits, as git log --abbrev=12 would.
      if (l.startsWith("commit ")) flush(), (commit = l.slice(7, 19));
      else if (l.startsWith("+++ ")) flush(), (file = l.replace(/^\+\+\+ (?:b\/)?/, ""));
      else if (l.startsWith("+")) added.push(l.slice(1));
    };
    git.stdout.setEncoding("utf8");
    git.stdout.on("data", (chunk: string) => {
      bytes += chunk.length;
      const text = rest + chunk;
      const end = text.lastIndexOf("\n");
      rest = text.slice(end + 1);
      for (const l of text.slice(0, end).split("\n")) line(l);
    });
    git.on("error", fail);
    git.on("close", () => {
      if (rest) line(rest);
      flush();
      done(bytes);
    });
  });
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const r = await f();
  return [r, Number(process.hrtime.bigint() - start) / 1e9];
}

async function main(repo: string): Promise<void> {
  const [floorBytes, floorSeconds] = await timed(() => fragments(repo, () => undefined));
  const [ours, oursSeconds] = await timed(() => scanHistory(repo));
  const reference = new Set<string>();
  const [, referenceSeconds] = await timed(() => fragments(repo, (c, f, text) => scanText(text).forEach((h) => reference.add(`${c} ${f} ${h.kind}`))));
  const gitleaks = loadGitleaks();
  const gitleaksFiles = new Set<string>();
  const [, gitleaksSeconds] = await timed(() => fragments(repo, (c, f, text) => void (gitleaks.findings(text).length && gitleaksFiles.add(`${c} ${f}`))));
  const found = new Set(ours.findings.map((f) => `${f.commit} ${f.file} ${f.kind}`));
  const oursFiles = new Set(ours.findings.map((f) => `${f.commit} ${f.file}`));
  const planted = (k: string) => k.split(" ")[1]!.startsWith("planted/");
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k));
  process.stdout.write(
    JSON.stringify({
      commits: ours.commits,
      floorMB: floorBytes / 1e6,
      floorSeconds,
      oursSeconds,
      referenceSeconds,
      gitleaksSeconds,
      ours: found.size,
      reference: reference.size,
      onlyOurs: only(found, reference).length,
      onlyReference: only(reference, found).length,
      plantedOurs: [...oursFiles].filter(planted).length,
      plantedGitleaks: [...gitleaksFiles].filter(planted).length,
      filesOurs: oursFiles.size,
      filesGitleaks: gitleaksFiles.size,
      filesBoth: [...oursFiles].filter((k) => gitleaksFiles.has(k)).length,
    }),
  );
}

void main(process.argv[2]!);
