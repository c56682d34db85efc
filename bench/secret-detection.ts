import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { scanText } from "../lib/secrets/detector";
import { credentials, lookAlikes, type Sample } from "../tests/helpers/secret-corpus";

// The project's detector against secretlint's recommended preset on the same corpus, built at
// run time: credentials in at least 15 formats and as many benign look-alikes, each as a line
// of a config file. Recall is the share of credentials found; false positives are look-alikes
// reported; throughput is corpus bytes per second over repeated passes.

type Detector = (text: string) => Promise<boolean>;

const ours: Detector = async (text) => scanText(text).length > 0;
const secretlint: Detector = async (text) => {
  const result = await lintSource({
    source: { filePath: "/corpus/.env", content: text, ext: ".env", contentType: "text" },
    options: { config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] } },
  });
  return result.messages.length > 0;
};

interface Score {
  readonly found: number;
  readonly falsePositives: number;
  readonly missed: string[];
  readonly flagged: string[];
  readonly mbPerSecond: number;
}

async function score(detect: Detector, creds: Sample[], benign: Sample[], passes: number): Promise<Score> {
  const missed: string[] = [];
  const flagged: string[] = [];
  for (const c of creds) if (!(await detect(c.text))) missed.push(c.kind);
  for (const b of benign) if (await detect(b.text)) flagged.push(b.kind);
  const all = [...creds, ...benign];
  const bytes = all.reduce((n, s) => n + s.text.length, 0) * passes;
  const start = process.hrtime.bigint();
  for (let i = 0; i < passes; i++) for (const s of all) await detect(s.text);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { found: creds.length - missed.length, falsePositives: flagged.length, missed, flagged, mbPerSecond: bytes / 1e6 / seconds };
}

export async function benchSecretDetection(passes: number): Promise<string> {
  const creds = credentials();
  const benign = lookAlikes();
  const a = await score(ours, creds, benign, passes);
  const b = await score(secretlint, creds, benign, passes);
  const formats = new Set(creds.map((c) => c.kind)).size;
  const row = (name: string, s: Score) =>
    `  ${name.padEnd(34)} ${`${s.found}/${creds.length}`.padStart(6)} (${((100 * s.found) / creds.length).toFixed(0).padStart(3)}%)  ${String(s.falsePositives).padStart(3)}/${benign.length}  ${s.mbPerSecond.toFixed(2).padStart(8)} MB/s`;
  const lines = [
    `Secret detection: ${creds.length} credentials in ${formats} formats, ${benign.length} look-alikes, ${passes} timed passes`,
    `  ${"detector".padEnd(34)} ${"recall".padStart(13)}  ${"FP".padStart(7)}  throughput`,
    row("launch-baseline scanText", a),
    row("secretlint preset-recommend 11.7", b),
    `  ours missed: ${a.missed.join(", ") || "none"}; flagged: ${a.flagged.join(", ") || "none"}`,
    `  secretlint missed: ${b.missed.join(", ") || "none"}; flagged: ${b.flagged.join(", ") || "none"}`,
    `  targets: recall at least secretlint's ${a.found >= b.found ? "MET" : "MISSED"}, zero false positives ${a.falsePositives === 0 ? "MET" : "MISSED"}, throughput at least secretlint's ${a.mbPerSecond >= b.mbPerSecond ? "MET" : "MISSED"} (${(a.mbPerSecond / b.mbPerSecond).toFixed(1)}x)`,
  ];
  return lines.join("\n");
}
