import { pairsOnLine } from "./assignments";
import { isFiller, isPasswordPlaceholder, isStandIn } from "./filler";
import { keywordIndex } from "./keyword-index";
import { nameStrength, type NameStrength } from "./names";
import { FORMAT_RULES, NAMED_RULES } from "./rules";
import { entropy, type FormatRule } from "./rules/types";

// One secret detector for the config schema, the policies, plan, verify and the log scan.
// Provider formats are matched exactly (rules/, one file per family); anything else must sit under
// a secret-sounding name and look random. Look-alikes (placeholders, filler, ids, hashes, public
// keys, code references) are recognised first, so a finding is worth a rotation.

export { entropy };

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^(?:0x)?[0-9a-f]+$/i;

/** Code on the right of a name: Other.secret_length, state?.password, getToken(, `${...}`. */
function isCode(v: string): boolean {
  // The whole value a member chain, perhaps a ternary's test (`P.supportsImmutableAssets?`): a
  // dotted token (`abc.Def9-x`) only starts like one.
  // Or a member assigned inside it, as minified code runs on: `y:s.username+=y`.
  return /^[A-Za-z_$][\w$]*(?:(?:\?\.|!\.|\.)[A-Za-z_$][\w$]*)+[?!]?$/.test(v) || /[()[\]]|\$\{|\?\.|^[!?&|]|[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*[-+*/|&]?=/.test(v);
}

/** An identifier made of words (OAuth2Client, X509SubjectKeyIDExtension): a type or a constant, not a key. */
export function isWordy(v: string): boolean {
  if (!/^[A-Za-z0-9_$.-]+$/.test(v)) return false;
  return inWords(v) >= 0.8 * v.replace(/[_$.-]/g, "").length;
}

/** How many characters of `v` are in words (camelCase, snake_case and UPPER runs split apart). */
function inWords(v: string): number {
  const chunks = v.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+/g) ?? [];
  // A word has a vowel at least every five letters; random runs of letters mostly do not.
  const isWord = (c: string) => (/^[A-Za-z]{3,}$/.test(c) && (c.match(/[aeiou]/gi) ?? []).length >= Math.max(1, Math.floor(c.length / 5))) || /^(?:To|In|On|Of|At|By|Is|Id|As|Or|If)$/.test(c);
  return chunks.filter(isWord).reduce((n, c) => n + c.length, 0);
}

/** Base64 that decodes to readable text with spaces is a sentence, not a key. */
function isEncodedText(v: string): boolean {
  if (!/^[A-Za-z0-9+/]{12,}={0,2}$/.test(v) || v.length % 4 !== 0) return false;
  const text = Buffer.from(v, "base64").toString("latin1");
  return / /.test(text) && /^[\x20-\x7e]+$/.test(text);
}

/**
 * Drawn by a generator, not written, though it holds brackets or parentheses (Django's
 * get_random_secret_key() puts one in nine keys of ten): 40 characters or more, no space, 4.5
 * bits a character or more, not half words, and no regular-expression syntax, member access or
 * operator of code. Code repeats its letters and quotes: expressions that long come to 3.6 to 4.6
 * bits, and the ones near the top are names (makeGetter(API_BACKWARDS_COMPATIBILITY), call methods
 * on names (Buffer.from, process.env) or join their calls with || or &&.
 */
function isGenerated(v: string): boolean {
  return v.length >= 40 && !/\s/.test(v) && !/[A-Za-z0-9]-[A-Za-z0-9]\]|\{\d+,?\d*\}|\(\?[:=!<]|\\[dwsbDWS]|\|\||&&|[A-Za-z]{3,}\.[A-Za-z]{3,}/.test(v) && entropy(v) >= 4.5 && inSpokenWords(v) < 0.5 * v.length;
}

/**
 * Characters in runs of four letters or more that are a third vowels or more, as English words
 * and the names made of them are (make, Getter, COMPATIBILITY); random letters are a fifth
 * vowels, so they rarely make such runs.
 */
function inSpokenWords(v: string): number {
  const chunks = v.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+/g) ?? [];
  return chunks.filter((c) => c.length >= 4 && (c.match(/[aeiou]/gi) ?? []).length >= 0.3 * c.length).reduce((n, c) => n + c.length, 0);
}

/** One lower-case run of letters and digits too long and too mixed to be a name: a base32 or base36 key. */
function isRandomRun(v: string): boolean {
  return v.length >= 20 && /^[a-z0-9]+$/.test(v) && /\d/.test(v) && /[a-z]/.test(v) && entropy(v) >= 3.8 && !isWordy(v);
}

/** Identifiers, public material and code: never secrets (a lower-case word with digits may be a password). */
export function isLookAlike(v: string, password = false): boolean {
  return (
    isFiller(v) ||
    /^(?:true|false|none|null|nil|undefined|yes|no|on|off|required|optional)$/i.test(v) ||
    /^arn:aws[a-z-]*:/.test(v) ||
    /^(?:sha(?:1|256|512)|md5):/i.test(v) ||
    /^[\d.:_-]+$/.test(v) || // numbers, versions, times
    /^0x[0-9a-f]{1,16}$/i.test(v) || // a numeric literal
    (/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(v) && !(password && /^[a-z0-9]+$/.test(v) && /\d/.test(v) && /[a-z]/.test(v)) && !isRandomRun(v)) || // kebab, snake or dotted names
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) || // another variable's name
    /^(?:\.{0,2}\/|~\/)[\w./-]*$/.test(v) || // paths
    /^[A-Za-z][\w+.-]*:\/\/[^\s@]*$/.test(v) || // URLs without credentials
    (isCode(v) && !isGenerated(v)) ||
    (!password && isWordy(v)) ||
    isEncodedText(v) ||
    /\\[nrt]/.test(v) || // escaped line breaks: a fragment of text or code, not one value
    /^\d{4}-\d\d-\d\dT[\d:.]+Z?$/.test(v) || // a timestamp
    /^(?:ENC\[|\$ANSIBLE_VAULT|!vault|vault:|AQICA)/.test(v) || // encrypted at rest (sops, Ansible, KMS)
    /(^|;)\s*v=DKIM1\b/.test(v) ||
    /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+) AAAA/.test(v) ||
    /-----BEGIN (?:PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY)-----/.test(v) ||
    /^pk_(?:live|test)_/.test(v) ||
    /\.apps\.googleusercontent\.com$/.test(v) ||
    /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v) // an email address
  );
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
      return !/\s/.test(v) && v.length >= 12 && entropy(v) >= 3 && (HEX.test(v) || UUID.test(v) || (/[A-Za-z]/.test(v) && /\d/.test(v)) || (classes >= 3 && v.length >= 20));
    case "key":
      // A bare key name (cache key, sort key, tag key) needs a key's alphabet, not a:b or a/b paths.
      return /^[A-Za-z0-9+/=_-]+$/.test(v) && !/^[\w-]*\/[\w/-]*$/.test(v) && v.length >= 20 && entropy(v) >= 3.5 && /[A-Za-z]/.test(v) && /\d/.test(v) && !HEX.test(v) && !UUID.test(v);
  }
}

interface NameVerdict {
  readonly strength?: NameStrength;
  readonly rules: typeof NAMED_RULES;
}

// Names repeat across a file and a history: classify each once.
const verdicts = new Map<string, NameVerdict>();
function verdictFor(name: string): NameVerdict {
  let v = verdicts.get(name);
  if (!v) {
    if (verdicts.size > 50_000) verdicts.clear();
    v = { strength: nameStrength(name), rules: NAMED_RULES.filter((r) => r.name.test(name)) };
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
  // `exports.FooKey = FooKey`: a name assigned to itself is code.
  if (name.split(".").pop()!.toLowerCase() === value.toLowerCase()) return undefined;
  const strength = verdict.strength;
  if (!strength || !secretByName(value, strength)) return undefined;
  return strength === "password" ? { kind: "hardcoded-password", description: `a password under the name "${name}"` } : { kind: "high-entropy-secret", description: `a random-looking value under the secret-sounding name "${name}"` };
}

/**
 * A password in deployed configuration, however weak: what documentation writes (admin123,
 * changeme, postgres) refused in free text is, in a task's environment or a stack's plain config,
 * the password that service runs with, or a placeholder that went to production. Left out: what
 * stands in for a value (a template, a variable, a mask), says there is none, is encrypted at rest,
 * points to a secret store, a store's entry by name or a file, or is code.
 */
function isDeployedPassword(v: string): boolean {
  return (
    v.length >= 4 &&
    !isStandIn(v) &&
    !/^(?:true|false|none|null|nil|undefined|yes|no|on|off|required|optional|empty|unset|disabled)$/i.test(v) &&
    !/^(?:ENC\[|\$ANSIBLE_VAULT|!vault|vault:|AQICA)/.test(v) &&
    !/^(?:arn:aws[a-z-]*:|ssm:|secretsmanager:|op:\/\/|projects\/[^/]+\/secrets\/)/.test(v) &&
    !(v.includes("/") && /^[~.]{0,2}\/?[\w.-]+(?:\/[\w.-]+)*\/?$/.test(v)) && // a path, or a store's entry (prod/db-password)
    !/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(v) && // a name (smtp-password), as a secret store's entries have
    !isCode(v)
  );
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
