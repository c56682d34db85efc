import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { scanText } from "../lib/secrets/detector";
import { entropy } from "../lib/secrets/rules/types";
import { loadGitleaks } from "./corpus/gitleaks-as-data";
import { isHeldOutText, pct } from "./independent-corpus";
import type { FormatsFile, IndependentFormat } from "./corpus/types";
import { regexSampler } from "./regex-samples";
import { secretlintFinds } from "./secretlint-case";

// Random credentials in the formats of two rule sets no rule here was written from, Nosey
// Parker's and Kingfisher's (bench/corpus/NOTICE.md): the rule sets' own examples are mostly
// placeholders (`abcdef1234567890…`, `123e4567-e89b-…`), which a finding worth a rotation refuses,
// so this draws what their regexes describe instead, as a fake-key generator does. For each rule,
// seeded random strings its regex matches (randexp); the secret is what the rule's own regex
// captures from the draw, kept when it reaches the rule's own entropy floor, and written under the
// name the rule's name spells (`AIVEN_API_KEY=…`, and in JSON). gitleaks' rules (as data) and
// secretlint's preset judge the same samples. The target is judged on the held-out half, which is
// never read sample by sample while rules are written.

const SAMPLES = 6;
const DRAWS = 60;

/**
 * Rules whose name says their match is the other half of a credential or public: an id, a host,
 * a URL, an account's name or email, a public key. No rotation follows them; they are printed
 * apart. A URL that carries a credential (a webhook, a password in it) stays.
 */
const NOT_A_CREDENTIAL = /\b(?:id|ids|identifier|domain|subdomain|host|hostname|endpoint|region|email|user ?name|username|login|account name|org(?:anization)? name|tenant|instance|recipient|product|reporter|site key|url|uri|public key|public access token|publishable)\b/i;
// "Segment Public API Token" and "Shopify Access Token (Public App)" name secrets; so does a name
// with a secret's word beside an id's ("URI with Username and Secret", "Credentials in a URL").
const isCredentialFormat = (f: IndependentFormat) => !NOT_A_CREDENTIAL.test(f.name) || /webhook|password|secret|credential|connection string|private key(?! id)/i.test(f.name);

export function loadFormats(): FormatsFile {
  return JSON.parse(gunzipSync(readFileSync(join(__dirname, "corpus", "independent-formats.json.gz"))).toString("utf8")) as FormatsFile;
}

export interface FormatSample {
  readonly format: IndependentFormat;
  readonly text: string;
}

/** The name a project gives the rule's credential: `Aiven API Key` -> AIVEN_API_KEY. */
const nameOf = (f: IndependentFormat) => f.name.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "").replace(/^(?=\d)/, "X");

/** Up to SAMPLES seeded samples of one format; none when its regex cannot be drawn from. */
export function samplesOf(f: IndependentFormat): FormatSample[] {
  const regex = new RegExp(f.regex.source, f.regex.flags.replace("g", ""));
  let next: () => string;
  try {
    next = regexSampler(f.regex.source, `${f.source}:${f.id}`, 4);
  } catch {
    return [];
  }
  const out: FormatSample[] = [];
  const name = nameOf(f);
  for (let i = 0; i < DRAWS && out.length < SAMPLES; i++) {
    const m = regex.exec(next());
    if (!m) continue;
    // A credential in parts (an endpoint, an id and a secret; a user and a password) is the whole
    // match, written as it stands; a credential in one part goes under its name.
    const parts = m.slice(1).filter((g) => g !== undefined);
    const secret = parts.length === 1 ? parts[0]! : m[0];
    // A secret with spaces, quotes or backslashes has no one way to be written as a value, and a
    // whole match with them holds the random characters randexp put in the rule's free context
    // (`.{0,32}`, `[^\s]+`), which no file holds: such draws are left out.
    if (secret.length < 8 || /[\s"'`\\]/.test(secret) || (f.minEntropy !== undefined && entropy(parts[0] ?? secret) < f.minEntropy)) continue;
    const text = parts.length > 1 ? `${secret}\n` : out.length % 2 ? `{"${name.toLowerCase()}": "${secret}"}\n` : `${name}=${secret}\n`;
    out.push({ format: f, text });
  }
  return out;
}


interface Tally {
  samples: number;
  readonly found: number[];
}


export async function benchIndependentFormats(): Promise<string> {
  const file = loadFormats();
  const gitleaks = loadGitleaks();
  const credentials = file.formats.filter(isCredentialFormat);
  const apart = file.formats.filter((f) => !isCredentialFormat(f));
  const names = ["ours", "gitleaks", "secretlint"];
  const judge = async (text: string) => [scanText(text).length > 0, gitleaks.findings(text).length > 0, await secretlintFinds(text, "/corpus/sample.env")];
  const blank = (): Tally => ({ samples: 0, found: names.map(() => 0) });
  const bySource = new Map<string, Tally>();
  const held = blank();
  const all = blank();
  const gaps = new Map<string, { samples: number; found: number }>();
  let unsampled = 0;
  for (const f of credentials) {
    const samples = samplesOf(f);
    if (!samples.length) unsampled++;
    for (const s of samples) {
      const v = await judge(s.text);
      const source = bySource.get(f.source) ?? blank();
      bySource.set(f.source, source);
      for (const t of [all, source, ...(isHeldOutText(s.text) ? [held] : [])]) {
        t.samples++;
        v.forEach((hit, d) => hit && t.found[d]!++);
      }
      const g = gaps.get(f.provider) ?? { samples: 0, found: 0 };
      gaps.set(f.provider, g);
      g.samples++;
      if (v[0]) g.found++;
    }
  }
  const row = (label: string, t: Tally) => `  ${label.padEnd(26)} ${String(t.samples).padStart(6)} ${t.found.map((n) => pct(n, t.samples).padStart(11)).join("")}`;
  const providers = [...gaps].filter(([, g]) => g.samples > 0);
  const partial = providers.filter(([, g]) => g.found < g.samples).sort(([a], [b]) => a.localeCompare(b));
  const recall = held.found[0]! / held.samples;
  return [
    `Secret detection on random credentials in the formats of two independent rule sets (${file.sources.map((s) => `${s.name}, ${s.repo}@${s.commit.slice(0, 7)}, ${s.licence}`).join("; ")}): ${SAMPLES} seeded samples a rule, the secret its own regex captures, under the name its name spells`,
    `  ${credentials.length} credential formats of ${providers.length} providers (${unsampled} gave no sample: randexp cannot draw from the pattern, or every draw held spaces or quotes), ${file.notPorted.length} rules not ported (JavaScript's RegExp cannot say them); ${apart.length} formats of ids, hosts and public keys left out: ${apart.map((f) => f.id).join(", ")}`,
    `  ${"".padEnd(26)} ${"samples".padStart(6)} ${names.map((n) => n.padStart(11)).join("")}`,
    ...[...bySource].map(([s, t]) => row(s, t)),
    row("all", all),
    row("held-out half", held),
    `  providers with a sample ours misses (found/samples, both halves): ${partial.map(([p, g]) => `${p} ${g.found}/${g.samples}`).join(", ") || "-"}; every sample of the other ${providers.length - partial.length} found`,
    `  target, on the held-out half (never read sample by sample while rules are written): recall >= 95% ${recall >= 0.95 ? "MET" : "MISSED"} (${pct(held.found[0]!, held.samples)})`,
  ].join("\n");
}

if (require.main === module) benchIndependentFormats().then((r) => process.stdout.write(`${r}\n`));
