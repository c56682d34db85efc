import { nameWords } from "../secrets/names";

// What must never be in a security log, judged per event: by the field a value sits under
// (a password, an Authorization or Cookie header, a session id, a token), and by the value
// wherever it sits (a JWT, a bearer credential, a Luhn-valid card number). Provider keys and
// connection strings come from the one secret detector, run over batches of lines. Email
// addresses are a warning: they identify a person and belong in the user store, not the log.

export interface LogFinding {
  /** What was found, never the value: `password field "password"`, `a JWT`. */
  readonly what: string;
}

const PASSWORD_WORDS = new Set(["password", "passwd", "pwd", "pass", "passphrase", "passcode"]);
const HEADER_NAMES = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token"]);
const SESSION_NAMES = new Set(["session", "sessionid", "session_id", "sid", "connect.sid", "session_token", "sessiontoken"]);
const TOKEN_WORDS = new Set(["token", "jwt", "bearer", "secret", "apikey"]);
// Names that say the value is about a token, not the token: token ids, types and counts are fine.
const TOKEN_ABOUT = new Set(["id", "ids", "type", "kind", "count", "length", "expiry", "expires", "ttl", "name", "hash", "scope", "scopes", "entitlements"]);

const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const BEARER = /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/-]{12,}=*/;
// Card numbers start with 2 to 6 (Mastercard's 2-series up to Discover's 6), and every scheme's
// printed grouping (4-4-4-4, Amex's 4-6-5, Diners' 4-6-4, 19 digits unbroken) opens with four
// digits together: asking for those first lets the regex drop a timestamp or an address at its
// first separator, which runs it over a batch in half the time.
const CARD = /(?<![\d.])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d.])/g;
const JWT_ALL = new RegExp(JWT.source, "g");
const BEARER_ALL = new RegExp(BEARER.source, "g");
export const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/;

/** The Luhn checksum: card numbers pass it, most other digit runs do not. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// Field names repeat on every event: judge each once.
const verdicts = new Map<string, string | undefined>();

/** What a field's name says its value is, when that value must never be logged. */
export function forbiddenField(key: string): string | undefined {
  if (verdicts.has(key)) return verdicts.get(key);
  if (verdicts.size > 10_000) verdicts.clear();
  const verdict = judgeField(key);
  verdicts.set(key, verdict);
  return verdict;
}

function judgeField(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (HEADER_NAMES.has(lower)) return `${lower === "cookie" || lower === "set-cookie" ? "Cookie" : "Authorization"} header value "${key}"`;
  if (SESSION_NAMES.has(lower)) return `session id "${key}"`;
  const words = nameWords(key);
  if (words.some((w) => PASSWORD_WORDS.has(w))) return `password field "${key}"`;
  if (words.some((w) => TOKEN_WORDS.has(w)) && !TOKEN_ABOUT.has(words[words.length - 1])) return `token field "${key}"`;
  if (words.length >= 2 && words[words.length - 1] === "key" && ["api", "access", "private", "secret", "signing"].includes(words[words.length - 2])) return `key field "${key}"`;
  return undefined;
}

// What loggers write in place of a value they redact, after an auth scheme or not: pino's
// "[Redacted]", fast-redact's "[REDACTED]", Rails' "[FILTERED]", "<redacted>", "***REDACTED***".
const REDACTED = /^(?:(?:Bearer|Basic)\s+)?(?:\[(?:redacted|filtered|masked|hidden|removed|scrubbed)\]|<(?:redacted|filtered|masked|hidden|removed)>|\**(?:redacted|filtered)\**)$/i;
/**
 * A run of asterisks: how CloudWatch shows what a data protection policy masked, unless the export
 * was fetched with --unmask. Such text was logged, and cannot be judged; see `masked` in analyze.ts.
 */
export const MASKED_RUN = "****";

/** Whether a value is a logger's stand-in for one it left out: a redaction word, or asterisks only. */
export function isRedacted(value: string): boolean {
  // Every stand-in ends in ], >, * or the d of redacted and filtered: most values end otherwise.
  const last = value.charCodeAt(value.length - 1);
  if (last !== 93 && last !== 62 && last !== 42 && last !== 100 && last !== 68) return false;
  return REDACTED.test(value) || /^\*+$/.test(value);
}

/** Findings by value, anywhere in a text, each at its offset: one pass per pattern over a whole batch. */
export function valueHits(text: string): Array<LogFinding & { at: number }> {
  const out: Array<LogFinding & { at: number }> = [];
  // A search for one rare character runs far quicker than a regex over text without a match, as
  // most batches are: every JWT holds a capital J (eyJ, twice), every such header a B. A common
  // first character would not do: searching for "eyJ" stops at every e, and took longer than the regex.
  if (text.includes("J")) for (const m of text.matchAll(JWT_ALL)) out.push({ what: "a JWT", at: m.index });
  if (text.includes("B")) for (const m of text.matchAll(BEARER_ALL)) out.push({ what: "an Authorization credential (Bearer or Basic)", at: m.index });
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, "");
    if (digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhn(digits)) out.push({ what: "a card number (Luhn-valid)", at: m.index });
  }
  return out;
}
