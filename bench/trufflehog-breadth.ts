import { scanText } from "../lib/secrets/detector";
import { convertRegex } from "./corpus/convert-regex";
import { loadGitleaks } from "./corpus/gitleaks-as-data";
import { gitIn } from "./corpus/git-dir";
import { regexSampler } from "./regex-samples";

// Breadth against TruffleHog's detectors, read from a clone the user points to (TRUFFLEHOG_GIT,
// a git directory): TruffleHog is AGPL-3.0, so none of its patterns is copied into this tree;
// they are read at run time. For every detector's secret pattern, seeded random strings it
// generates (randexp) are scanned: bare when the pattern carries its own prefix, under the name
// `<KEYWORD>_API_KEY` when TruffleHog needs a keyword nearby, and gitleaks' rules (as data) scan
// the same samples beside it. Patterns that match the other half of a credential (an id, a URL, a
// user name) are left out by their variable's name. TruffleHog's own classes are often looser than
// the provider's format (any case where the provider prints hex), so neither detector can reach
// 100%: the figure is a map of what is not covered, read with the list it prints.

const SAMPLES = 6;
const NOT_SECRET_VARIABLE = /id|url|domain|host|email|user|account|endpoint|region|org|tenant|sid|app|project|client(?!secret)|name|base|instance|server/i;

interface Pattern {
  readonly detector: string;
  readonly keywords: readonly string[];
  readonly source: string;
}

/** `xPat = regexp.MustCompile(detectors.PrefixRegex([]string{"kw"}) + `…`)` lines of each detector. */
export function readPatterns(dir: string): Pattern[] {
  const files = gitIn(dir, "ls-tree", "-r", "--name-only", "HEAD", "pkg/detectors/").split("\n").filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
  const out: Pattern[] = [];
  for (const f of files) {
    const detector = f.split("/")[2]!;
    for (const m of gitIn(dir, "show", `HEAD:${f}`).matchAll(/^\s*(\w+)\s*=\s*regexp\.MustCompile\((.*)\)\s*$/gm)) {
      if (NOT_SECRET_VARIABLE.test(m[1]!)) continue;
      const expr = m[2]!;
      const prefix = /PrefixRegex\(\[\]string\{([^}]*)\}\)/.exec(expr);
      const keywords = prefix ? [...prefix[1]!.matchAll(/"([^"]*)"/g)].map((k) => k[1]!) : [];
      const rest = prefix ? expr.slice(prefix.index + prefix[0].length) : expr;
      const literals = [...rest.matchAll(/`([^`]*)`/g)].map((l) => l[1]!);
      if (literals.length) out.push({ detector, keywords, source: literals.join("") });
    }
  }
  return out;
}

export function benchTrufflehogBreadth(dir = process.env.TRUFFLEHOG_GIT): string {
  if (!dir) return "Breadth against TruffleHog: skipped (set TRUFFLEHOG_GIT to the git directory of a trufflehog clone; its AGPL patterns are read from there, not kept here)";
  const gitleaks = loadGitleaks();
  const rows: Array<{ detector: string; prefixed: boolean; samples: number; found: number; theirs: number }> = [];
  for (const p of readPatterns(dir)) {
    const converted = convertRegex(p.source);
    if (converted instanceof Error) continue;
    let next: () => string;
    try {
      next = regexSampler(converted.source, `${p.detector}:${p.source}`, 4);
    } catch {
      continue;
    }
    const name = p.keywords.length ? `${p.keywords[0]!.toUpperCase().replace(/[^A-Z0-9]/g, "_").replace(/^(?=\d)/, "X")}_API_KEY` : "";
    let samples = 0;
    let found = 0;
    let theirs = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const value = next();
      if (value.length < 8 || /\s/.test(value)) continue;
      samples++;
      const text = name ? `${name}=${value}\n` : `${value}\n`;
      if (scanText(text).length) found++;
      if (gitleaks.findings(text).length) theirs++;
    }
    if (samples) rows.push({ detector: p.detector, prefixed: !p.keywords.length, samples, found, theirs });
  }
  const line = (label: string, rs: typeof rows) => {
    const s = rs.reduce((n, r) => n + r.samples, 0);
    const f = rs.reduce((n, r) => n + r.found, 0);
    const g = rs.reduce((n, r) => n + r.theirs, 0);
    const pct = (n: number) => `${((100 * n) / s).toFixed(1)}%`;
    return `  ${label}: ${rs.length} patterns of ${new Set(rs.map((r) => r.detector)).size} detectors, ${s} samples; ours finds ${f} (${pct(f)}), gitleaks' rules ${g} (${pct(g)}); ours none of ${rs.filter((r) => !r.found).length} patterns`;
  };
  const commit = gitIn(dir, "rev-parse", "--short", "HEAD").trim();
  return [
    `Breadth against TruffleHog (trufflesecurity/trufflehog@${commit}): samples each detector's secret pattern generates (randexp, seeded)`,
    line("keyword beside the value, under <KEYWORD>_API_KEY", rows.filter((r) => !r.prefixed)),
    line("self-describing (prefix or URL), bare", rows.filter((r) => r.prefixed)),
    `  self-describing patterns found in no sample: ${rows.filter((r) => r.prefixed && !r.found).map((r) => r.detector).join(", ") || "-"}`,
  ].join("\n");
}

if (require.main === module) process.stdout.write(`${benchTrufflehogBreadth(process.argv[2] ?? process.env.TRUFFLEHOG_GIT)}\n`);
