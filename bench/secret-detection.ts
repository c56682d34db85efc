import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { scanText } from "../lib/secrets/detector";
import { HISTORY_THREADS } from "../lib/secrets/history";
import { secretlintFinds } from "./secretlint-case";
import { corpus, type CorpusCase } from "../tests/helpers/secret-corpus";
import { generateRepo } from "./generated-repo";
import { child } from "./measure";

// The detector beside secretlint's recommended preset on the same corpus (every family in every
// syntax, and look-alikes beside them, generated now): recall and false alarms per family group,
// and throughput. Then the history of a generated repository: MB/s and peak memory at two sizes.

type Detector = (c: CorpusCase) => Promise<boolean>;

const ours: Detector = async (c) => scanText(c.text).length > 0;
// Each case as the file it would be, so secretlint sees the extension it expects.
const FILE_NAMES: Record<string, string> = { dotenv: ".env", "shell-export": "start.sh", yaml: "config.yaml", json: "config.json", javascript: "config.js", python: "settings.py", go: "client.go", makefile: "Makefile", "java-property": "Main.java", properties: "application.properties", toml: "config.toml", "xml-inline": "settings.xml", "xml-own-line": "settings.xml", "dotnet-appsettings": "Web.config", powershell: "deploy.ps1", "json-escaped-env": "task.json" };
const secretlint: Detector = (c) => secretlintFinds(c.text, `/corpus/${FILE_NAMES[c.syntax] ?? "notes.txt"}`);

interface Score {
  readonly found: Map<string, number>;
  readonly flagged: Map<string, number>;
  readonly mbPerSecond: number;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

async function score(detect: Detector, secrets: CorpusCase[], benign: CorpusCase[], passes: number): Promise<Score> {
  const found = new Map<string, number>();
  const flagged = new Map<string, number>();
  for (const c of secrets) if (await detect(c)) bump(found, c.group);
  for (const c of benign) if (await detect(c)) bump(flagged, c.group);
  const all = [...secrets, ...benign];
  const bytes = all.reduce((n, s) => n + s.text.length, 0) * passes;
  const start = process.hrtime.bigint();
  for (let i = 0; i < passes; i++) for (const s of all) await detect(s);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { found, flagged, mbPerSecond: bytes / 1e6 / seconds };
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function corpusReport(passes: number): Promise<string[]> {
  const { secrets, lookAlikes } = corpus();
  const a = await score(ours, secrets, lookAlikes, passes);
  const b = await score(secretlint, secrets, lookAlikes, Math.max(1, Math.round(passes / 5)));
  const groups = [...new Set(secrets.map((c) => c.group))];
  const rows = groups.map((g) => {
    const s = secrets.filter((c) => c.group === g).length;
    const l = lookAlikes.filter((c) => c.group === g).length;
    return `  ${g.padEnd(14)} ${String(s).padStart(5)} ${pct(a.found.get(g) ?? 0, s).padStart(7)} ${pct(b.found.get(g) ?? 0, s).padStart(11)}   ${String(l).padStart(5)} ${pct(a.flagged.get(g) ?? 0, l).padStart(6)} ${pct(b.flagged.get(g) ?? 0, l).padStart(11)}`;
  });
  const recall = sum(a.found) / secrets.length;
  const fp = sum(a.flagged) / lookAlikes.length;
  const ratio = a.mbPerSecond / b.mbPerSecond;
  return [
    `Secret detection, beside secretlint preset-recommend 11.7 on the same corpus: ${secrets.length} credentials (${new Set(secrets.map((c) => c.kind)).size} kinds, 16 syntaxes and raw forms), ${lookAlikes.length} look-alikes`,
    `  ${"family".padEnd(14)} ${"cases".padStart(5)} ${"recall".padStart(7)} ${"secretlint".padStart(11)}   ${"clean".padStart(5)} ${"FP".padStart(6)} ${"secretlint".padStart(11)}`,
    ...rows,
    `  ${"overall".padEnd(14)} ${String(secrets.length).padStart(5)} ${pct(sum(a.found), secrets.length).padStart(7)} ${pct(sum(b.found), secrets.length).padStart(11)}   ${String(lookAlikes.length).padStart(5)} ${pct(sum(a.flagged), lookAlikes.length).padStart(6)} ${pct(sum(b.flagged), lookAlikes.length).padStart(11)}`,
    `  throughput: ours ${a.mbPerSecond.toFixed(2)} MB/s, secretlint ${b.mbPerSecond.toFixed(2)} MB/s (${ratio.toFixed(1)}x)`,
    `  targets: recall >= 95% ${recall >= 0.95 ? "MET" : "MISSED"}, false alarms < 1% ${fp < 0.01 ? "MET" : "MISSED"}, throughput >= 5x secretlint ${ratio >= 5 ? "MET" : "MISSED"}`,
  ];
}

/** Scans a repository's history in a child process; its own peak RSS, read back from max-rss.cjs. */
function scanInChild(repo: string): { mbPerSecond: number; peakMiB: number; findings: number; planted: number; commits: number; mb: number } {
  const dir = mkdtempSync(join(tmpdir(), "lb-bench-"));
  const rssFile = join(dir, "rss");
  try {
    const r = spawnSync(process.execPath, ["--require", resolve(__dirname, "max-rss.cjs"), "-r", resolve(__dirname, "..", "cli", "register.js"), resolve(__dirname, "history-scan.ts"), repo], { env: { ...process.env, BENCH_RSS_FILE: rssFile }, encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`history scan exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    const out = JSON.parse(r.stdout) as { bytes: number; seconds: number; findings: number; planted: number; commits: number };
    return { mbPerSecond: out.bytes / 1e6 / out.seconds, peakMiB: Number(readFileSync(rssFile, "utf8").trim()) / 1024, findings: out.findings, planted: out.planted, commits: out.commits, mb: out.bytes / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function historyReport(): Promise<string[]> {
  const lines = [`History scan (git log -p of a generated repository of real package source, one child process each, ${HISTORY_THREADS} scanning thread(s) on ${availableParallelism()} cores):`];
  const rates: number[] = [];
  const peaks: number[] = [];
  for (const [commits, perCommit] of [[1250, 42_000], [5000, 42_000]] as const) {
    process.stderr.write(`generating ${commits} commits ...\n`);
    const repo = await generateRepo(commits, perCommit, 100);
    try {
      const s = scanInChild(repo.dir);
      rates.push(s.mbPerSecond);
      peaks.push(s.peakMiB);
      lines.push(`  ${String(s.commits).padStart(5)} commits, ${s.mb.toFixed(0).padStart(4)} MB added: ${s.mbPerSecond.toFixed(1).padStart(6)} MB/s, peak ${s.peakMiB.toFixed(0)} MiB, ${s.planted} of ${repo.planted} planted credentials found, ${s.findings - s.planted} credential-shaped values in the third-party text`);
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  }
  // gitleaks' git semantics on the 5,000-commit repository (bench/history-reference.ts).
  process.stderr.write("generating 5000 commits for the reference ...\n");
  const repo = await generateRepo(5000, 42_000, 100);
  try {
    const r = child("history-reference.ts", [repo.dir]).out;
    lines.push(
      `  beside gitleaks' git semantics (git log -p -U0 --all, each commit's added lines per file), 5,000 commits: git log -p alone ${r.floorSeconds.toFixed(1)} s (${(r.floorMB / r.floorSeconds).toFixed(0)} MB/s), this scan ${r.oursSeconds.toFixed(1)} s, the same detector fragment by fragment on one thread ${r.referenceSeconds.toFixed(1)} s, gitleaks' rules as data ${r.gitleaksSeconds.toFixed(1)} s`,
      `  findings (commit, file, kind): this scan ${r.ours}, the fragment-by-fragment reference ${r.reference}, ${r.onlyOurs} only in the scan and ${r.onlyReference} only in the reference; planted files found: this scan ${r.plantedOurs} of ${repo.planted}, gitleaks' rules ${r.plantedGitleaks} of ${repo.planted}; files with any finding: this scan ${r.filesOurs}, gitleaks ${r.filesGitleaks}, both ${r.filesBoth}`,
      `  target: the same findings as the reference ${r.onlyOurs === 0 && r.onlyReference === 0 ? "MET" : "MISSED"}`,
    );
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
  const flat = peaks[1] <= peaks[0] * 1.25;
  // The speed target is set for a history of at least 5,000 commits and 200 MB, the second size.
  lines.push(`  targets: >= 50 MB/s on the 5,000-commit history ${rates[1] >= 50 ? "MET" : "MISSED"}, memory flat in the history's size (4x the history, ${((peaks[1] / peaks[0]) * 100 - 100).toFixed(0)}% more memory) ${flat ? "MET" : "MISSED"}`);
  return lines;
}

export async function benchSecretDetection(passes: number): Promise<string> {
  return [...(await corpusReport(passes)), ...(await historyReport())].join("\n");
}
