import { entropy } from "./rules/types";
import { isWordy } from "./words";

// What random draws look like, for the tests that tell a generated value from a typed one.

/**
 * The entropy that 99 in 100 random strings of length `n` reach (20,000 draws each): base36 3.13
 * bits at 16 characters, 3.41 at 20, 3.61 at 24, 3.89 at 32; hex 2.66, 2.90, 3.04 and 3.27. A
 * fixed 3.8 refused half of the random 20-character base36 keys and every hex one.
 */
export const randomFloor = (n: number, hex: boolean) => (hex ? Math.min(3.4, 0.22 + 0.61 * Math.log2(n)) : Math.min(3.9, 0.09 + 0.76 * Math.log2(n)));

// Random printable characters, as password managers, `openssl rand` and most providers' password
// generators draw them: symbols among letters and digits (e%3*tsbyoa1@r87…, }8[698J=o). Brackets,
// $ and % in such a value are chance, not code or a template, so the tests that refuse those
// shapes ask this first.

// Code in a credential's place: a call or an index whose arguments are names, strings or numbers
// (getPass(), env["DB_PW"], args[0]), a member of a name (process.env.PW, args?.caKeyPemWo, e.ctrlKey),
// a call cut short by the value's end (`c.green(F_DOT`) or with a string argument
// (`generateKeyPairSync("rsa",`), an arrow, regular-expression syntax.
// Brackets with symbols between them, as random draws have, are not code.
const ARG = String.raw`(?:[A-Za-z_$][\w$.]*|"[^"]*"|'[^']*'|\d+)`;
const CODE_SHAPE = new RegExp(
  [
    String.raw`[A-Za-z_$][\w$]*\((?:${ARG}(?:,\s*${ARG})*)?\)`,
    String.raw`[A-Za-z_$][\w$]*\[${ARG}\]`,
    String.raw`(?:^|[^\w$])[A-Za-z_$][\w$]*\??\.[A-Za-z_$][\w$]{2,}`,
    String.raw`[A-Za-z_$][\w$]*\([A-Za-z_$"'][\w$]*$`,
    String.raw`[A-Za-z_$][\w$]*\(["'\x60]`,
    "=>",
    String.raw`\(\?[:=!<]|\\[dwsbDWS]|\{\d+,?\d*\}`,
  ].join("|"),
);

/** At least eight printable characters with a symbol, letters or digits of two kinds, no code, no word, and near the entropy of a random draw. */
export function isRandomPrintable(v: string): boolean {
  if (v.length < 8 || v.length > 256 || !/^[\x21-\x7e]+$/.test(v) || !/[^A-Za-z0-9]/.test(v)) return false;
  if ([/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(v)).length < 2 || CODE_SHAPE.test(v)) return false;
  // P@ssword-2026!, super$ecret_admin: words with symbols are typed, not drawn. Twelve letters in
  // a row are a name (generateKeyPairSync(), wordy or not): one random draw of 32 in a hundred has them.
  const runs = v.match(/[A-Za-z]{6,}/g) ?? [];
  if (runs.some((r) => r.length >= 12 || isWordy(r))) return false;
  // Drawn from more than base36's alphabet, so held at least to base36's floor.
  return entropy(v) >= randomFloor(v.length, false);
}
