import { pairsOnLine } from "./assignments";
import { isFiller, isPasswordPlaceholder } from "./filler";
import { keywordIndex } from "./keyword-index";
import { HEX, UUID, isDeployedPassword, isLookAlike, isMixedCaseRandom, isWordy, randomFloor } from "./look-alikes";
import { isRandomPrintable } from "./random-draws";
import { fitsShape, nameStrength, pinnedShape, type NameStrength } from "./names";
import { FORMAT_RULES, NAMED_RULES } from "./rules";
import { failsChecksum } from "./rules/code-hosting";
import { entropy, type FormatRule } from "./rules/types";

// One secret detector for the config schema, the policies, plan, verify and the log scan.
// Provider formats are matched exactly (rules/, one file per family); anything else must sit under
// a secret-sounding name and look random. Look-alikes (placeholders, filler, ids, hashes, public
// keys, code references) are recognised first, so a finding is worth a rotation.

export { entropy, isLookAlike, isWordy };

export interface SecretFinding {
  /** Stable kind, e.g. `aws-access-key-id`; never the value. */
  readonly kind: string;
  readonly description: string;
}

export interface TextFinding extends SecretFinding {
  /** 1-based line of the text. */
  readonly line: number;
}

interface CompiledRule {
  readonly rule: FormatRule;
  readonly global: RegExp;
}

const COMPILED: readonly CompiledRule[] = FORMAT_RULES.map((rule) => ({ rule, global: new RegExp(rule.pattern.source, `g${rule.pattern.flags.replace("g", "")}`) }));
const KEYWORDS = [...new Set(FORMAT_RULES.flatMap((r) => r.keywords))];
// Lines worth reading for name = value pairs: only these words make a name secret-sounding.
const NAME_HINTS = ["pass", "pwd", "secret", "token", "key", "cred", "auth", "dsn", "conn", "bearer", "postmark", "heroku", "paypal", "mailgun", "braintree", "cloudflare", "cf_", "sonar", "devops", "vsts", "_pat", "pat_", "vault", "figma", "okta", "twilio", "datadog", "dd_", "twitch", "kubeadm"];
// One pass over the text finds which rules can match at all (gitleaks' keywords) and where the
// name hints are.
const LITERALS = [...new Set([...KEYWORDS, ...NAME_HINTS])];
// Built on first use: the log scan's threads read parsed fields and need only FORMAT_INDEX.
let index: ReturnType<typeof keywordIndex> | undefined;
const IS_HINT = LITERALS.map((k) => NAME_HINTS.includes(k));
const RULES_OF = LITERALS.map((k) => COMPILED.filter((c) => c.rule.keywords.includes(k)));

interface Prescan {
  readonly rules: CompiledRule[];
  /** Offsets of name hints (the end of each), ascending. */
  readonly hints: number[];
}

// Reused by every prescan (the detector is synchronous): which keywords were seen, and where.
const seenKeyword = new Uint8Array(LITERALS.length);
const seenList: number[] = [];
let hintEnds: number[] = [];
const onKeyword = (k: number, end: number) => {
  if (seenKeyword[k] === 0) (seenKeyword[k] = 1), seenList.push(k);
  if (IS_HINT[k] && hintEnds[hintEnds.length - 1] !== end) hintEnds.push(end);
};

// Formats alone need no hints: an index without them calls back far less on ordinary text.
const FORMAT_INDEX = keywordIndex(KEYWORDS);
const FORMAT_SLOT = KEYWORDS.map((k) => LITERALS.indexOf(k));
const onFormatKeyword = (k: number) => {
  const slot = FORMAT_SLOT[k];
  if (seenKeyword[slot] === 0) (seenKeyword[slot] = 1), seenList.push(slot);
};

function prescan(text: string, withHints = true): Prescan {
  hintEnds = [];
  if (withHints) (index ??= keywordIndex(LITERALS)).scan(text, onKeyword);
  else FORMAT_INDEX.scan(text, onFormatKeyword);
  const rules = new Set<CompiledRule>();
  for (const k of seenList) {
    seenKeyword[k] = 0;
    for (const c of RULES_OF[k]) rules.add(c);
  }
  seenList.length = 0;
  return { rules: [...rules], hints: hintEnds };
}

export interface Hit extends SecretFinding {
  readonly at: number;
}

function formatHits(text: string, rules: readonly CompiledRule[]): Hit[] {
  const hits: Hit[] = [];
  for (const { rule, global } of rules) {
    global.lastIndex = 0;
    for (let m = global.exec(text); m; m = global.exec(text)) {
      const secret = m[1] ?? m[0];
      if ((!rule.marker && isFiller(secret)) || (rule.minEntropy !== undefined && entropy(secret) < rule.minEntropy)) continue;
      if (rule.confirm && !rule.confirm(secret, text, m.index + m[0].length)) continue;
      hits.push({ kind: rule.id, description: rule.description, at: m.index + m[0].length - secret.length });
    }
  }
  return hits;
}

/** Whether a value under a name of this strength is worth reporting. */
function secretByName(value: string, strength: NameStrength): boolean {
  const v = value.trim();
  if (isLookAlike(v, strength === "password") && !(strength !== "key" && (HEX.test(v) || UUID.test(v)) && v.length >= 16)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  switch (strength) {
    case "password":
      // People's passwords are words with digits or symbols; a bare word is a type or a reference.
      return v.length >= 6 && !isPasswordPlaceholder(v) && (/[\d\W_]/.test(v) || (v.length >= 16 && !isWordy(v)));
    case "secret":
      // Hex is not proof of a hash when the name says secret.
      // Short keys are held to what random ones of their length reach (14 hex digits: 2.54 bits).
      return !/\s/.test(v) && v.length >= 12 && entropy(v) >= Math.min(3, randomFloor(v.length, HEX.test(v))) && (HEX.test(v) || UUID.test(v) || (/[A-Za-z]/.test(v) && /\d/.test(v)) || (classes >= 3 && v.length >= 20) || isMixedCaseRandom(v, 16) || isRandomPrintable(v));
    case "key":
      // A bare key name (cache key, sort key, tag key) needs a key's alphabet, not a:b or a/b paths,
      // or twenty random printable characters, which no cache or sort key is.
      if (v.length >= 20 && isRandomPrintable(v)) return true;
      return /^[A-Za-z0-9+/=_-]+$/.test(v) && !/^[\w-]*\/[\w/-]*$/.test(v) && v.length >= 20 && entropy(v) >= 3.5 && ((/[A-Za-z]/.test(v) && /\d/.test(v)) || isMixedCaseRandom(v, 20)) && !HEX.test(v) && !UUID.test(v);
  }
}

interface NameVerdict {
  readonly strength?: NameStrength;
  readonly rules: typeof NAMED_RULES;
  readonly pinned?: RegExp;
}

// Names repeat across a file and a history: classify each once.
const verdicts = new Map<string, NameVerdict>();
function verdictFor(name: string): NameVerdict {
  let v = verdicts.get(name);
  if (!v) {
    if (verdicts.size > 50_000) verdicts.clear();
    v = { strength: nameStrength(name), rules: NAMED_RULES.filter((r) => r.name.test(name)), pinned: pinnedShape(name) };
    // A name sliced from a large text would keep that whole text alive: keep a copy instead.
    verdicts.set(Buffer.from(name).toString(), v);
  }
  return v;
}

/** A value under a name: the rules that need the name, then the name's strength. */
function byName(value: string, name: string): SecretFinding | undefined {
  const verdict = verdictFor(name);
  if (!verdict.strength && verdict.rules.length === 0) return undefined;
  for (const r of verdict.rules) {
    if (r.value.test(value) && !isFiller(value) && (r.wordsByChance || !isWordy(value)) && (r.minEntropy === undefined || entropy(value) >= r.minEntropy)) return { kind: r.id, description: r.description };
  }
  if (verdict.pinned && !fitsShape(verdict.pinned, value)) return undefined;
  if (failsChecksum(value)) return undefined;
  // `exports.FooKey = FooKey`: a name assigned to itself is code.
  if (name.split(".").pop()!.toLowerCase() === value.toLowerCase()) return undefined;
  const strength = verdict.strength;
  if (!strength || !secretByName(value, strength)) return undefined;
  return strength === "password" ? { kind: "hardcoded-password", description: `a password under the name "${name}"` } : { kind: "high-entropy-secret", description: `a random-looking value under the secret-sounding name "${name}"` };
}

export interface DetectOptions {
  /**
   * The value is deployed configuration (an environment variable, a binding, a tag, a plain
   * stack setting), not text that may be documentation: a literal under a password's name is a
   * finding however weak it is.
   */
  readonly deployed?: boolean;
}

/**
 * Finds secrets in one value. `name` is where the value sits (an env var, a config key, a tag, a
 * header), which some rules need. Findings name the kind only, so they are safe to print.
 */
export function detectSecrets(value: string, name?: string, opts: DetectOptions = {}): SecretFinding[] {
  // A templated value (`${...}`) is filled in elsewhere: the literal holds no secret.
  if (/\$\{[^}]*\}|\{\{[^}]*\}\}/.test(value)) return [];
  const text = name && /^(?:proxy-)?authorization$/i.test(name) ? `Authorization: ${value}` : value;
  const seen = new Map<string, SecretFinding>();
  for (const h of formatHits(text, prescan(text).rules)) if (!seen.has(h.kind)) seen.set(h.kind, { kind: h.kind, description: h.description });
  if (seen.size === 0 && name) {
    const f = byName(value.trim(), name) ?? (opts.deployed && verdictFor(name).strength === "password" && isDeployedPassword(value.trim()) ? { kind: "hardcoded-password", description: `a password under the name "${name}"` } : undefined);
    if (f) seen.set(f.kind, f);
  }
  return [...seen.values()];
}

/** Scans free text (a file, a bundle, a log): formats anywhere, and name = value pairs by name. */
export function scanText(text: string): TextFinding[] {
  return withLines(text, hitsInText(text));
}

/** What scanText finds, each at the offset of its value in the text, unordered. */
export function hitsInText(text: string): Hit[] {
  const { rules, hints } = prescan(text);
  const hits = formatHits(text, rules);
  return hits.concat(pairHits(text, hints, hits));
}

/**
 * Provider formats only, anywhere in the text. For text whose names are already known, as a
 * parsed log event's fields are: `secretsInField` then judges each value under its name.
 */
export function formatHitsInText(text: string): Hit[] {
  return formatHits(text, prescan(text, false).rules);
}

/** name = value pairs on the lines holding a name hint, except lines a format already flagged. */
function pairHits(text: string, hints: readonly number[], formatFound: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  const lineStart = (at: number) => text.lastIndexOf("\n", at - 1) + 1;
  const flagged = new Set(formatFound.map((h) => lineStart(h.at)));
  let readUpTo = -1;
  for (const at of hints) {
    if (at < readUpTo) continue;
    const start = lineStart(at);
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    readUpTo = end;
    if (flagged.has(start)) continue;
    for (const p of pairsOnLine(text, start, end)) {
      const f = byName(p.value, p.name);
      if (f) hits.push({ ...f, at: p.at });
    }
  }
  return hits;
}

const HINTED = new RegExp(NAME_HINTS.join("|"), "i");

/**
 * A field of parsed data (a log event's): the value judged under its own name, and any
 * name = value pairs written inside the value (`"msg": "retrying with password=..."`).
 */
/** Whether a name alone can make its value a finding (a secret-sounding name, or a provider's). */
export function nameCounts(name: string): boolean {
  const verdict = verdictFor(name);
  return !!verdict.strength || verdict.rules.length > 0;
}

/** Whether a value could hold name = value pairs worth reading: an assignment and a secret-sounding word. */
export const mayHoldPairs = (value: string) => (value.includes("=") || value.includes(":")) && HINTED.test(value);

export function secretsInField(value: string, name: string, inner = true): readonly SecretFinding[] {
  // Most fields have a name that says nothing: no trim, no list, for those.
  const verdict = verdictFor(name);
  const f = verdict.strength || verdict.rules.length ? byName(value.trim(), name) : undefined;
  // Pairs need an assignment and a secret-sounding word: most values hold neither.
  if (!(inner && mayHoldPairs(value))) return f ? [f] : NO_FINDINGS;
  const out: SecretFinding[] = f ? [f] : [];
  for (const p of pairsOnLine(value, 0, value.length)) {
    const g = byName(p.value, p.name);
    if (g) out.push(g);
  }
  return out;
}
const NO_FINDINGS: readonly SecretFinding[] = [];

/** One finding per kind and line, in text order, with 1-based line numbers. */
function withLines(text: string, hits: Hit[]): TextFinding[] {
  hits.sort((a, b) => a.at - b.at);
  const out: TextFinding[] = [];
  const seen = new Set<string>();
  let line = 1;
  let pos = 0;
  for (const h of hits) {
    for (let nl = text.indexOf("\n", pos); nl >= 0 && nl < h.at; nl = text.indexOf("\n", nl + 1)) line++, (pos = nl + 1);
    const key = `${line}:${h.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: h.kind, description: h.description, line });
  }
  return out;
}

/** A value masked for evidence: its length only, never a character of it. */
export function mask(value: string): string {
  return `[${value.length} characters, masked]`;
}
