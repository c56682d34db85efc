import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { convertRegex } from "./convert-regex";
import { gitIn } from "./git-dir";
import type { CorpusCase, CorpusFile, ForeignRule, FormatsFile, IndependentFormat } from "./types";

// Builds the independent corpus from two public rule sets' own test material, which nobody here
// wrote and no rule of lib/secrets was written from: Nosey Parker's rule examples (Apache-2.0) and
// secretlint's rule snapshots (MIT). It also ports gitleaks' default config (MIT) as data for the
// bench's reference column, and the credential formats of Nosey Parker's and Kingfisher's rules
// (both Apache-2.0) for the formats bench, which draws random credentials from them. Run it by
// hand on their git directories; it writes gzipped JSON beside this file, so no credential-shaped
// line is committed as text:
//   node -r ./cli/register.js bench/corpus/extract.ts <noseyparker .git> <secretlint .git> <gitleaks .git> <kingfisher .git>

const NP_RULES = "crates/noseyparker/data/default/builtin/rules";

const git = gitIn;

const compile = (pattern: string): ForeignRule["regex"] | undefined => {
  const c = convertRegex(pattern);
  return c instanceof Error ? undefined : c;
};

interface NpRule {
  id: string;
  name: string;
  pattern: string;
  categories?: string[];
  examples?: string[];
  negative_examples?: string[];
  min_entropy?: number;
}

/** The provider a rule is about: its id's family (`np.slack.2` → slack, `slack-bot-token` → slack). */
const npProvider = (id: string) => id.split(".")[1]!;
const glProvider = (id: string) => id.split("-")[0]!;

function rulesIn(dir: string, folder: string): NpRule[] {
  const files = git(dir, "ls-tree", "--name-only", "HEAD", `${folder}/`).split("\n").filter((f) => f.endsWith(".yml"));
  return files.flatMap((f) => (parseYaml(git(dir, "show", `HEAD:${f}`)) as { rules?: NpRule[] } | null)?.rules ?? []);
}

const noseyParker = (dir: string) => rulesIn(dir, NP_RULES);

// Kingfisher's rules are written in Nosey Parker's format (it began as a fork), with its own
// providers; the formats a rule set shares with Nosey Parker are kept once, as Nosey Parker's.
const KF_RULES = "data/rules";

/**
 * The credential formats of both rule sets: identifiers (categories `identifier`) and password
 * hashes (`hashed`, and Kingfisher's hash rules, which carry no category) are not credentials.
 */
function independentFormats(np: readonly NpRule[], kf: readonly NpRule[]): { formats: IndependentFormat[]; notPorted: string[] } {
  const formats: IndependentFormat[] = [];
  const notPorted: string[] = [];
  const seen = new Set<string>();
  const take = (source: IndependentFormat["source"], r: NpRule) => {
    const cats = r.categories ?? [];
    if (cats.includes("identifier") || cats.includes("hashed") || /hash/i.test(`${r.id} ${r.name}`) || seen.has(r.pattern)) return;
    seen.add(r.pattern);
    const regex = compile(r.pattern);
    if (!regex) return void notPorted.push(r.id);
    formats.push({ source, id: r.id, name: r.name, provider: r.id.split(".")[1]!, regex, ...(r.min_entropy ? { minEntropy: r.min_entropy } : {}) });
  };
  for (const r of np) if ((r.categories ?? []).includes("secret")) take("noseyparker", r);
  for (const r of kf) take("kingfisher", r);
  return { formats, notPorted };
}

/** secretlint's rule snapshots: `ng.*` inputs hold a credential, `ok.*` inputs none; those that need an option are left out. */
function secretlintCases(dir: string): Array<{ rule: string; name: string; text: string; secret: boolean }> {
  const files = git(dir, "ls-tree", "-r", "--name-only", "HEAD", "packages/@secretlint/").split("\n");
  const withOptions = new Set(files.filter((f) => f.endsWith("/.secretlintrc.json")).map((f) => f.slice(0, f.lastIndexOf("/"))));
  const cases: Array<{ rule: string; name: string; text: string; secret: boolean }> = [];
  for (const f of files) {
    const m = /^packages\/@secretlint\/secretlint-rule-([^/]+)\/test\/snapshots\/((ng|ok)\.[^/]+)\/input(?:\.[a-z]+)?$/.exec(f);
    if (!m || withOptions.has(f.slice(0, f.lastIndexOf("/")))) continue;
    cases.push({ rule: m[1]!, name: m[2]!, text: git(dir, "show", `HEAD:${f}`), secret: m[3] === "ng" });
  }
  return cases;
}

interface GlToml {
  rules: Array<{ id: string; regex?: string; entropy?: number; keywords?: string[]; secretGroup?: number; path?: string; allowlists?: Array<{ regexes?: string[]; stopwords?: string[]; regexTarget?: string; condition?: string; paths?: string[] }> }>;
  allowlist?: { regexes?: string[]; stopwords?: string[] };
}

function gitleaksRules(dir: string): { rules: ForeignRule[]; skipped: string[]; global: { regexes: ForeignRule["regex"][]; stopwords: string[] } } {
  const config = parseToml(git(dir, "show", "HEAD:config/gitleaks.toml")) as unknown as GlToml;
  const rules: ForeignRule[] = [];
  const skipped: string[] = [];
  for (const r of config.rules) {
    const regex = r.regex === undefined ? undefined : compile(r.regex);
    // A path-only rule judges file names, which a text case has not.
    if (!regex) {
      skipped.push(r.id);
      continue;
    }
    const allow = (r.allowlists ?? []).filter((a) => !a.paths && !a.condition);
    rules.push({
      id: r.id,
      provider: glProvider(r.id),
      regex,
      entropy: r.entropy,
      keywords: (r.keywords ?? []).map((k) => k.toLowerCase()),
      secretGroup: r.secretGroup,
      allow: allow.flatMap((a) => (a.regexes ?? []).map((x) => ({ regex: compile(x), target: a.regexTarget ?? "secret" }))).filter((a): a is { regex: ForeignRule["regex"]; target: string } => !!a.regex),
      stopwords: allow.flatMap((a) => a.stopwords ?? []),
    });
  }
  return { rules, skipped, global: { regexes: (config.allowlist?.regexes ?? []).map(compile).filter((x): x is ForeignRule["regex"] => !!x), stopwords: config.allowlist?.stopwords ?? [] } };
}

const secretlintFlags = async (text: string) =>
  (await lintSource({ source: { filePath: "/corpus/case.txt", content: text, ext: ".txt", contentType: "text" }, options: { config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] } } })).messages.length > 0;

const DEMO_RULES = new Set(["example", "filter-comments"]);

/**
 * A look-alike whose text, quotes and spaces aside, holds a credential case's text or is held in
 * one is labelled both ways by its sources (`password = 'open_sesame'` as a negative example,
 * `password = open_sesame` as an example; a bare token as a negative because the rule wants
 * context, the same token with context as an example). No detector can be right on both, so the
 * look-alike is dropped, and the count is kept in the file.
 */
function withoutContradictions(cases: readonly CorpusCase[]): { kept: CorpusCase[]; contradicted: number } {
  const bare = (t: string) => t.replace(/["'`\s]/g, "");
  const credentials = cases.filter((c) => c.secret).map((c) => bare(c.text));
  const contradicts = (c: CorpusCase) => {
    const b = bare(c.text);
    return b.length >= 8 && credentials.some((k) => k.includes(b) || b.includes(k));
  };
  const kept = cases.filter((c) => c.secret || !contradicts(c));
  return { kept, contradicted: cases.length - kept.length };
}

async function main(): Promise<void> {
  const [npDir, slDir, glDir, kfDir] = process.argv.slice(2);
  if (!npDir || !slDir || !glDir || !kfDir) {
    process.stderr.write("usage: extract.ts <noseyparker git dir> <secretlint git dir> <gitleaks git dir> <kingfisher git dir>\n");
    process.exit(2);
  }
  const np = noseyParker(npDir);
  const npPatterns = np.map((r) => compile(r.pattern)).filter((x): x is ForeignRule["regex"] => !!x).map((c) => new RegExp(c.source, c.flags));
  const gl = gitleaksRules(glDir);
  const matchedBy = (text: string, patterns: RegExp[]) => patterns.some((p) => p.test(text));
  const cases: CorpusCase[] = [];
  const seen = new Set<string>();
  const push = (c: CorpusCase) => {
    if (seen.has(c.text)) return;
    seen.add(c.text);
    cases.push(c);
  };
  // Identifiers (account ids, bucket names) and password hashes are not credentials here.
  const credentialRule = (r: NpRule) => (r.categories ?? []).includes("secret") && !(r.categories ?? []).includes("hashed");
  for (const r of np) {
    if (!credentialRule(r)) continue;
    for (const text of r.examples ?? []) push({ source: "noseyparker", rule: r.id, provider: npProvider(r.id), text, secret: true });
    // A rule's negative example may be another rule's positive: a look-alike only when no rule of
    // its own set matches it (so no reference detector chose the look-alikes).
    for (const text of r.negative_examples ?? []) if (!matchedBy(text, npPatterns)) push({ source: "noseyparker", rule: r.id, provider: npProvider(r.id), text, secret: false });
  }
  for (const c of secretlintCases(slDir)) {
    if (/account.?id|tenant.?id|client.?id/i.test(c.name)) continue;
    // The `example` rule is secretlint's demo (it matches the words THIS IS SECRET), and the
    // filter-comments snapshots test the disable directives with it: no credential of any kind.
    if (DEMO_RULES.has(c.rule)) continue;
    if (!c.secret && (await secretlintFlags(c.text))) continue;
    push({ source: "secretlint", rule: `${c.rule}/${c.name}`, provider: c.rule, text: c.text, secret: c.secret });
  }
  const { kept, contradicted } = withoutContradictions(cases);
  const commit = (dir: string) => git(dir, "rev-parse", "HEAD").trim();
  const corpus: CorpusFile = {
    sources: [
      { name: "Nosey Parker rule examples", repo: "praetorian-inc/noseyparker", commit: commit(npDir), path: NP_RULES, licence: "Apache-2.0" },
      { name: "secretlint rule snapshots", repo: "secretlint/secretlint", commit: commit(slDir), path: "packages/@secretlint/secretlint-rule-*/test/snapshots", licence: "MIT" },
    ],
    cases: kept,
    dropped: { contradicted },
  };
  const here = join(__dirname);
  writeFileSync(join(here, "independent.json.gz"), gzipSync(JSON.stringify(corpus)));
  writeFileSync(join(here, "gitleaks-rules.json.gz"), gzipSync(JSON.stringify({ source: { repo: "gitleaks/gitleaks", commit: commit(glDir), path: "config/gitleaks.toml", licence: "MIT" }, ...gl })));
  const { formats, notPorted } = independentFormats(np, rulesIn(kfDir, KF_RULES));
  const formatsFile: FormatsFile = {
    sources: [
      { name: "Nosey Parker rules", repo: "praetorian-inc/noseyparker", commit: commit(npDir), path: NP_RULES, licence: "Apache-2.0" },
      { name: "Kingfisher rules", repo: "mongodb/kingfisher", commit: commit(kfDir), path: KF_RULES, licence: "Apache-2.0" },
    ],
    formats,
    notPorted,
  };
  writeFileSync(join(here, "independent-formats.json.gz"), gzipSync(JSON.stringify(formatsFile)));
  const n = (s: boolean) => kept.filter((c) => c.secret === s).length;
  process.stdout.write(`corpus: ${n(true)} credentials, ${n(false)} look-alikes (${contradicted} look-alikes dropped: the same text is a credential case); gitleaks rules ported: ${gl.rules.length}, not ported: ${gl.skipped.join(", ") || "none"}; independent formats: ${formats.length}, not ported: ${notPorted.length}\n`);
}

void main();
