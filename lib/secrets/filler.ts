import { isRandomPrintable } from "./random-draws";
import { entropy } from "./rules/types";

// Values that have a credential's shape but are not one: documentation examples, placeholders,
// templates, masked and truncated values, filler typed to fill a format. A finding must be worth a
// rotation, so these are recognised before anything is reported.

// Words of five letters or more, or with a separator: random values spell them by chance too rarely to matter.
const PLACEHOLDER_WORD = /example|sample|dummy|placeholder|changeme|change[_-]me|redacted|your[_-]?(?:api|key|token|secret|pass)|insert|replace[_-]?me|not[_-]?a[_-]?(?:real|secret)|\bfake[_-]|lorem/i;
// The same words typed in one case (EXAMPLE, Example, example), not spelled by chance in mixed case.
const inOneCase = (s: string) => s === s.toLowerCase() || s === s.toUpperCase() || s === s[0] + s.slice(1).toLowerCase();
const PLACEHOLDER_WORDS = new RegExp(PLACEHOLDER_WORD.source, "gi");
function hasPlaceholderWord(v: string): boolean {
  if (!PLACEHOLDER_WORD.test(v)) return false;
  PLACEHOLDER_WORDS.lastIndex = 0;
  for (let m = PLACEHOLDER_WORDS.exec(v); m; m = PLACEHOLDER_WORDS.exec(v)) if (inOneCase(m[0])) return true;
  return false;
}
// An angle placeholder holds words (<your-api-token>, <ACCOUNT KEY>): a generated key's < and >
// hold symbols between them.
const TEMPLATE = /<[A-Za-z][\w .:-]+>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([A-Za-z_][\w.-]*\)s|%[A-Z_]{3,}%|^\$[A-Za-z_][A-Za-z0-9_]*$|^\$\(|^@[A-Z_]+@$/;
const MASKED = /x{5,}|X{5,}|\*{3,}|\.{3}|…|#{4,}|•{2,}|_{5,}|-{5,}|0{8,}/;

/** A template, a variable or a mask in place of a value: `${DB_PASSWORD}`, `<password>`, `$SMTP_PASS`, `********`. */
export function isStandIn(value: string): boolean {
  return TEMPLATE.test(value) || MASKED.test(value);
}

/** A run of seven or more characters each one after (or before) the last: 1234567, abcdefg. */
function hasSequence(s: string, run = 7): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= run || down >= run) return true;
  }
  return false;
}

/**
 * Two sequences woven together, a1b2c3d4e5f6: every other character counts up. Only in values
 * of up to 48 characters, as typed filler is: in a long generated token (a Slack token's team id
 * held 9807164544, with 8, 7, 6, 5, 4 among the odd characters) the count comes by chance.
 */
function hasInterleavedSequence(s: string): boolean {
  if (s.length > 48) return false;
  const evens = [...s].filter((_, i) => i % 2 === 0).join("");
  const odds = [...s].filter((_, i) => i % 2 === 1).join("");
  return hasSequence(evens, 6) || hasSequence(odds, 6);
}

// Lengths chosen so that a random hex value trips them about once in ten million: a test corpus of
// a thousand generated keys never flakes, and typed filler (aaaaaaaa, abababab, 12121212) still does.
/** The same character eight or more times in a row, or a short unit repeated: abababab. */
function hasRepetition(s: string): boolean {
  return /(.)\1{7,}/.test(s) || /(.{2,4})\1{3,}/.test(s);
}

/** True when a value in a credential's shape is filler or an example, not a credential. */
export function isFiller(value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (hasPlaceholderWord(v) || TEMPLATE.test(v) || MASKED.test(v)) return true;
  if (hasSequence(v) || hasRepetition(v) || hasInterleavedSequence(v)) return true;
  // Long values with little variety were typed, not generated.
  if (v.length >= 12 && entropy(v) < 2.5) return true;
  return isPatternedBase64(v);
}

/** Base64 of patterned bytes (01 02 03 ... repeated) is a documentation value. */
function isPatternedBase64(v: string): boolean {
  if (!/^[A-Za-z0-9+/]{24,}={0,2}$/.test(v) || v.length % 4 !== 0) return false;
  const bytes = Buffer.from(v, "base64");
  return new Set(bytes).size <= bytes.length / 3;
}

const PASSWORD_PLACEHOLDERS = new Set(["password", "passwd", "pass", "pwd", "secret", "changeme", "admin", "root", "test", "user", "username", "xxx", "none", "null", "undefined", "true", "false", "empty", "hunter2", "letmein", "foobar", "foo", "bar"]);

// Passwords built from these words are what documentation and tests write (Password123,
// SuperSecretPassw0rd, T3stPass): gitleaks' generic rule keeps a stop-word list for the same reason.
// Matched as lower, Capitalised or UPPER words only, so random mixed-case values rarely spell one.
const DOC_WORDS = ["pass", "secret", "test", "t3st", "exampl", "sample", "demo", "dummy", "admin", "letmein", "qwerty", "welcome", "default", "foobar", "hunter", "changeit", "char"];
const DOCUMENTATION_PASSWORD = new RegExp(DOC_WORDS.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]).join("|"));

/** A password that documentation writes, or a reference to one: never a finding. */
export function isPasswordPlaceholder(password: string, user = ""): boolean {
  const p = password.trim().replace(/^["']|["']$/g, "");
  // A lone lower-case word (flabada) or a keyboard run (abcdef12345) is an example, not a password.
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  return p.length < 4 || (classes < 2 && p.length < 12) || hasSequence(p, 5) || PASSWORD_PLACEHOLDERS.has(p.toLowerCase()) || DOCUMENTATION_PASSWORD.test(p) || p.toLowerCase() === user.toLowerCase() || (/[$%<>{}*]/.test(p) && !isRandomPrintable(p)) || isFiller(p);
}
