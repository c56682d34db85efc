import { scanText } from "../lib/secrets/detector";
import { loadGitleaks } from "./corpus/gitleaks-as-data";
import type { ForeignRule } from "./corpus/types";
import { regexSampler } from "./regex-samples";

// Breadth against gitleaks: for every rule of gitleaks' default config (ported as data), random
// strings its own regex generates (randexp), kept only when gitleaks itself, with its entropy and
// allowlists, reports them. The detector should find what gitleaks finds. This is not the
// independent measure (rules here were written from gitleaks' rule set): it shows which formats
// gitleaks covers and the detector does not, rule by rule.

const SAMPLES = 20;

// gitleaks also reports identifiers and publishable keys (client ids, access ids, public keys):
// they name an account or go in browsers, so no rotation follows, and the detector leaves them
// alone on purpose. They are sampled and printed apart, outside the figure.
const NOT_CREDENTIALS = /-(?:client|access|user-api)-id$|-pub(?:lic)?-(?:api-)?key$/;

// gitleaks builds its keyword rules from one template (generateSemiGenericRegex): a name holding
// the keyword, an assignment, the secret, a terminator. Such a rule is rendered the way a
// project writes it, under the name its id spells, not with the template's random name bytes.
const SEMI_GENERIC =
  /^\[\\w\.-\]\{0,50\}\?\(\?:([^()]+)\)\(\?:\[ \\t\\w\.-\]\{0,20\}\)\[\\s'"\]\{0,3\}\(\?:=\|>\|:\{1,3\}=\|\\\|\\\|\|:\|=>\|\\\?=\|,\)\[\\x60'"\\s=\]\{0,5\}\((.+)\)\(\?:\[\\x60'"\\s;\]\|\\\\\[nr\]\|\$\)$/;
const TERMINATOR = /\(\?:\[\\x60'"\\s;\]\|\\\\\[nr\]\|\$\)$/;

interface Sample {
  readonly text: string;
}

/** The texts a rule's regex generates, in the syntaxes a project writes them. */
export function render(rule: ForeignRule): Sample[] {
  const semi = SEMI_GENERIC.exec(rule.regex.source);
  const body = semi ? semi[2]! : rule.regex.source.replace(TERMINATOR, "");
  const next = regexSampler(body, rule.id, 6);
  const name = rule.id.replace(/-/g, "_").toUpperCase();
  const out: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const value = next();
    out.push({ text: i % 2 ? `${name}=${value}\n` : `{"${name.toLowerCase()}": "${value}"}\n` });
    if (!semi) out.push({ text: `${value}\n` });
  }
  return out;
}

export interface BreadthRow {
  readonly rule: string;
  readonly samples: number;
  readonly found: number;
}

export function measureGitleaksBreadth(): { rows: BreadthRow[]; unusable: string[] } {
  const gitleaks = loadGitleaks();
  const rows: BreadthRow[] = [];
  const unusable: string[] = [];
  for (const rule of gitleaks.rules) {
    let samples: Sample[];
    try {
      samples = render(rule).filter((s) => gitleaks.findings(s.text).includes(rule.id));
    } catch {
      samples = [];
    }
    if (!samples.length) {
      unusable.push(rule.id);
      continue;
    }
    rows.push({ rule: rule.id, samples: samples.length, found: samples.filter((s) => scanText(s.text).length > 0).length });
  }
  return { rows, unusable };
}

export function benchGitleaksBreadth(): string {
  const { rows: all, unusable } = measureGitleaksBreadth();
  const rows = all.filter((r) => !NOT_CREDENTIALS.test(r.rule));
  const ids = all.filter((r) => NOT_CREDENTIALS.test(r.rule));
  const samples = rows.reduce((n, r) => n + r.samples, 0);
  const found = rows.reduce((n, r) => n + r.found, 0);
  const full = rows.filter((r) => r.found === r.samples).length;
  const none = rows.filter((r) => r.found === 0);
  const partial = rows.filter((r) => r.found > 0 && r.found < r.samples);
  const list = (rs: BreadthRow[]) => rs.map((r) => `${r.rule} ${r.found}/${r.samples}`).join(", ");
  return [
    `Breadth against gitleaks: samples its own rules generate (randexp, seeded) and report, under the name each rule's id spells and bare`,
    `  ${rows.length} rules of credentials sampled, ${samples} samples: ours finds ${found} (${((100 * found) / samples).toFixed(1)}%); every sample of ${full} rules, none of ${none.length}`,
    `  found none: ${list(none) || "-"}`,
    `  found some: ${list(partial) || "-"}`,
    `  identifiers and publishable keys, left alone by design: ${list(ids) || "-"}`,
    `  not sampled (no generated string that gitleaks reports): ${unusable.join(", ") || "-"}`,
  ].join("\n");
}

if (require.main === module) process.stdout.write(`${benchGitleaksBreadth()}\n`);
