import { ENGLISH_BIGRAMS } from "./english-bigrams";

// Whether text is made of words: identifiers and names (OAuth2Client, release-2026-11-03-build7)
// are, random keys are not. The detector asks it of values in a credential's place.

/** An identifier made of words (OAuth2Client, X509SubjectKeyIDExtension): a type or a constant, not a key. */
export function isWordy(v: string): boolean {
  if (!/^[A-Za-z0-9_$.-]+$/.test(v)) return false;
  return inWords(v) >= 0.8 * v.replace(/[_$.-]/g, "").length;
}

/**
 * How the letters of a run follow one another, as in English words: the mean of log2 P(next |
 * letter) over its pairs, in tenths of a bit (english-bigrams.ts). Words of six letters or more
 * score above -47 in 99 of 100 (SCOWL's list), random letters in about 3 of 100; longer runs
 * part further (at ten letters, -45.4 and -45.9 are the words' 1st and random letters' 99th centile).
 */
function letterFlow(run: string): number {
  const w = run.toLowerCase();
  let sum = 0;
  for (let i = 1; i < w.length; i++) sum += ENGLISH_BIGRAMS[w.charCodeAt(i - 1) - 97]![w.charCodeAt(i) - 97]!;
  return sum / (w.length - 1);
}

/**
 * A run of letters that is a word, or two words run together (webhook, jsonwebtoken): a vowel at
 * least every five letters (random runs of letters are a fifth vowels, so half of them pass that
 * alone), and from six letters on, letters that follow one another as English words' do. Read
 * so, 1.2% of random 16-character base36 keys look like words, against 6% by vowels alone.
 */
function isWord(c: string, joined = true): boolean {
  if (/^(?:To|In|On|Of|At|By|Is|Id|As|Or|If)$/.test(c)) return true;
  if (!/^[A-Za-z]{3,}$/.test(c) || (c.match(/[aeiou]/gi) ?? []).length < Math.max(1, Math.floor(c.length / 5))) return false;
  if (c.length < 6 || letterFlow(c) >= (c.length < 8 ? -49 : c.length < 10 ? -48 : -47)) return true;
  if (!joined) return false;
  // Two words meet at a pair of letters few words hold (web|hook: one b in 128 is followed by h).
  const w = c.toLowerCase();
  for (let i = 3; i <= w.length - 3; i++) {
    if (ENGLISH_BIGRAMS[w.charCodeAt(i - 1) - 97]![w.charCodeAt(i) - 97]! <= -70 && isWord(w.slice(0, i), false) && isWord(w.slice(i), false)) return true;
  }
  return false;
}

/** How many characters of `v` are in words (camelCase, snake_case and UPPER runs split apart), of `shortest` letters or more. */
export function inWords(v: string, shortest = 0): number {
  const chunks = v.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+/g) ?? [];
  return chunks.filter((c) => c.length >= shortest && isWord(c)).reduce((n, c) => n + c.length, 0);
}

/**
 * Characters in runs of four letters or more that are a third vowels or more, as English words
 * and the names made of them are (make, Getter, COMPATIBILITY); random letters are a fifth
 * vowels, so they rarely make such runs.
 */
export function inSpokenWords(v: string): number {
  const chunks = v.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+/g) ?? [];
  return chunks.filter((c) => c.length >= 4 && (c.match(/[aeiou]/gi) ?? []).length >= 0.3 * c.length).reduce((n, c) => n + c.length, 0);
}
