/** Levenshtein distance, for "did you mean" on a mistyped key. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** " (did you mean X?)" when a known key is within three edits, else "". */
export function didYouMean(key: string, known: readonly string[]): string {
  const best = known.map((k) => ({ k, d: distance(k.toLowerCase(), key.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 3 ? ` (did you mean ${best.k}?)` : "";
}
