import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface Measurement {
  readonly label: string;
  readonly medianSeconds: number;
  readonly peakRssMiB: number;
  readonly runs: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs `node ARGS` `runs` times; median wall time and the largest peak RSS seen. */
export function measureNode(label: string, args: string[], runs: number, expectCodes: number[] = [0]): Measurement {
  const dir = mkdtempSync(join(tmpdir(), "lb-bench-"));
  const rssFile = join(dir, "rss");
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ["--require", resolve(__dirname, "max-rss.cjs"), ...args], { env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ["ignore", "ignore", "pipe"] });
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
      if (!expectCodes.includes(r.status ?? -1)) throw new Error(`${label} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
      process.stderr.write(".");
    }
    const rss = readFileSync(rssFile, "utf8").trim().split("\n").map(Number);
    return { label, medianSeconds: median(times), peakRssMiB: Math.max(...rss) / 1024, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function table(rows: Measurement[]): string {
  const w = Math.max(...rows.map((r) => r.label.length));
  return rows.map((r) => `  ${r.label.padEnd(w)}  ${r.medianSeconds.toFixed(3).padStart(7)} s  ${r.peakRssMiB.toFixed(0).padStart(5)} MiB  (${r.runs} runs)`).join("\n");
}

/** Runs a bench script (TypeScript, beside this file) in a child process: its JSON output and its own peak memory. */
export function child(script: string, args: string[]): { out: Record<string, number>; peakMiB: number } {
  const dir = mkdtempSync(join(tmpdir(), "lb-bench-rss-"));
  const rssFile = join(dir, "rss");
  try {
    const r = spawnSync(process.execPath, ["--require", resolve(__dirname, "max-rss.cjs"), "-r", resolve(__dirname, "..", "cli", "register.js"), resolve(__dirname, script), ...args], { env: { ...process.env, BENCH_RSS_FILE: rssFile }, encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${script} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return { out: JSON.parse(r.stdout), peakMiB: Number(readFileSync(rssFile, "utf8").trim()) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
