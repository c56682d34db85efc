import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Writes lib/secrets/english-bigrams.ts: how often each letter follows another inside English
// words, from SCOWL's word list as Debian ships it (apt-get install wamerican), so the detector
// can tell a word (password, webhook) from random letters (wfvvugzmyalrneq). Run by hand:
//   node -r ./cli/register.js bench/corpus/english-bigrams.ts [/usr/share/dict/american-english]

const NOTICE = `// Derived from SCOWL (Spell Checker Oriented Word Lists), as Debian's wamerican package ships it:
// Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell
// these word lists, the associated scripts, the output created from the scripts, and its
// documentation for any purpose is hereby granted without fee, provided that the above copyright
// notice appears in all copies and that both that copyright notice and this permission notice
// appear in supporting documentation. Kevin Atkinson makes no representations about the
// suitability of this array for any purpose. It is provided "as is" without express or implied
// warranty.`;

const file = process.argv[2] ?? "/usr/share/dict/american-english";
const words = [...new Set(readFileSync(file, "utf8").split("\n").map((w) => w.trim().toLowerCase()))].filter((w) => /^[a-z]+$/.test(w));
const counts = Array.from({ length: 26 }, () => new Array<number>(26).fill(0));
for (const w of words) for (let i = 1; i < w.length; i++) counts[w.charCodeAt(i - 1) - 97]![w.charCodeAt(i) - 97]!++;
// log2 P(next | letter) with add-one smoothing, in tenths of a bit.
const rows = counts.map((row) => {
  const total = row.reduce((a, b) => a + b, 0) + 26;
  return row.map((n) => Math.round(10 * Math.log2((n + 1) / total)));
});
const out = `${NOTICE}
//
// Written by bench/corpus/english-bigrams.ts from ${words.length} words. Row: a letter; column:
// the letter after it; value: log2 of how often it follows, in tenths of a bit.
export const ENGLISH_BIGRAMS: readonly (readonly number[])[] = [
${rows.map((r) => `  [${r.join(", ")}],`).join("\n")}
];
`;
writeFileSync(join(__dirname, "..", "..", "lib", "secrets", "english-bigrams.ts"), out);
process.stdout.write(`${words.length} words\n`);
