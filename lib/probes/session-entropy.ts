// How much a session id varies across logins, estimated as a session analyser does at the
// character level: for each position, the alphabet the samples suggest it draws from. A random
// id of 128 bits estimates near its length in bits; a counter or a timestamp varies in a few
// positions only. A signature after the id (express-session's "s:<id>.<sig>") is dropped: an HMAC
// of a counter looks random and would hide it.

/** The part of a cookie value that names the session. */
export function sessionIdOf(value: string): string {
  let v = value;
  try {
    v = decodeURIComponent(value);
  } catch {
    /* not percent-encoded */
  }
  const signed = /^s:(.+)\.[A-Za-z0-9+/_-]{20,}=*$/.exec(v);
  return signed ? signed[1] : v;
}

/**
 * Estimated bits of entropy per id: at each position, log2 of the alphabet the observed
 * characters imply. n uniform draws from k symbols show k(1 - (1 - 1/k)^n) distinct ones; the
 * estimate inverts that, so 20 samples of a hex digit count as 4 bits, not log2(12).
 */
export function estimatedBits(ids: readonly string[]): number {
  const n = ids.length;
  if (n < 2) return 0;
  const len = Math.max(...ids.map((s) => s.length));
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const distinct = new Set(ids.map((s) => s[i] ?? "")).size;
    if (distinct <= 1) continue;
    bits += Math.log2(alphabetFor(distinct, n));
  }
  return Math.round(bits);
}

/** The smallest alphabet k whose n draws are expected to show at least `distinct` symbols. */
function alphabetFor(distinct: number, n: number): number {
  if (distinct >= n) return 256;
  for (let k = distinct; k < 256; k++) if (k * (1 - (1 - 1 / k) ** n) >= distinct - 0.5) return k;
  return 256;
}
