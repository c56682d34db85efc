import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { scanText } from "../lib/secrets/detector";
import { loadGitleaks } from "./corpus/gitleaks-as-data";

// False alarms on real code nobody here wrote: the source files of this project's own
// node_modules, as npm ci installs them from the lockfile. Published packages hold no live
// credential, so every finding is a false alarm or a documentation example that looks real
// (generated API docs, test fixtures); the detector is judged beside gitleaks' rules as data on
// the same files in the same run.

const SOURCE = /\.(?:[cm]?js|ts|py|rb|go|java|php)$/;
// Larger files are bundles and data tables: the history and bundle scans read them, but one
// 5 MB file would weigh more here than a thousand ordinary sources.
const MAX_FILE = 400_000;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== ".cache") sourceFiles(p, out);
    } else if (e.isFile() && SOURCE.test(e.name) && statSync(p).size <= MAX_FILE) out.push(p);
  }
  return out;
}

interface Tally {
  findings: number;
  files: number;
  seconds: number;
}

export function benchThirdPartyCode(root = join(__dirname, "..", "node_modules")): string {
  const files = sourceFiles(root);
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const mb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  const gitleaks = loadGitleaks();
  const run = (count: (text: string) => number): Tally => {
    const t = { findings: 0, files: 0, seconds: 0 };
    const start = process.hrtime.bigint();
    for (const text of texts) {
      const n = count(text);
      t.findings += n;
      if (n) t.files++;
    }
    t.seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return t;
  };
  const ours = run((text) => scanText(text).length);
  const theirs = run((text) => gitleaks.findings(text).length);
  const line = (name: string, t: Tally) => `  ${name}: ${t.findings} hits in ${t.files} files (${((100 * t.findings) / mb).toFixed(1)} per 100 MB), ${(mb / t.seconds).toFixed(1)} MB/s`;
  return [
    `False alarms on third-party source: the ${files.length} source files of node_modules (${mb.toFixed(0)} MB, as npm ci installs them), which hold no live credential`,
    line("ours", ours),
    line("gitleaks' rules as data", theirs),
  ].join("\n");
}

if (require.main === module) process.stdout.write(`${benchThirdPartyCode()}\n`);
