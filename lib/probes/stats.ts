// A rank test for "do these two sets of timings differ", robust to the long tails and outliers
// network timings have: Mann-Whitney U with the normal approximation and tie correction, and the
// rank-biserial correlation as its effect size.

export interface Comparison {
  /** Two-sided p-value. */
  readonly p: number;
  /** Rank-biserial correlation in [-1, 1]: positive when x tends to be larger. */
  readonly effect: number;
  /** median(x) - median(y). */
  readonly medianDiff: number;
}

export const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Standard normal CDF (Abramowitz and Stegun 7.1.26, error under 1.5e-7). */
function phi(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function mannWhitney(x: readonly number[], y: readonly number[]): Comparison {
  const n1 = x.length;
  const n2 = y.length;
  const all = [...x.map((v) => ({ v, g: 0 })), ...y.map((v) => ({ v, g: 1 }))].sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(all.length);
  let tie = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j++;
    const t = j - i + 1;
    tie += t ** 3 - t;
    for (let k = i; k <= j; k++) ranks[k] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const r1 = all.reduce((s, e, i) => s + (e.g === 0 ? ranks[i] : 0), 0);
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tie / (n * (n - 1))));
  const z = sd === 0 ? 0 : (u1 - (n1 * n2) / 2) / sd;
  return { p: Math.min(1, 2 * (1 - phi(Math.abs(z)))), effect: (2 * u1) / (n1 * n2) - 1, medianDiff: median(x) - median(y) };
}
