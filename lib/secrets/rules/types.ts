// What a detection rule is. Two kinds, as gitleaks and TruffleHog have them: a format that is
// proof on its own (a provider prefix, a URL shape), and a value that is proof only under a name
// that says what it is (the AWS secret key, a Cloudflare global key, a Postmark token).

export interface FormatRule {
  /** Stable kind, printed in findings: `gitlab-runner-token`. */
  readonly id: string;
  readonly description: string;
  /** Lower-case literals, one of which every match contains: the cheap pre-filter. */
  readonly keywords: readonly string[];
  /** The credential; group 1 when the pattern also matches context around it. No flags but `i`. */
  readonly pattern: RegExp;
  /** Shannon entropy (bits per character) the credential must reach; rejects filler. */
  readonly minEntropy?: number;
  /** The match is a fixed marker (a PEM header), not the credential: skip the filler test. */
  readonly marker?: true;
  /** Extra proof read from the text around the match (a PEM body after its header). */
  readonly confirm?: (secret: string, text: string, end: number) => boolean;
  /** Where the format is described: the provider's documentation first. */
  readonly sources?: readonly string[];
}

export interface NamedRule {
  readonly id: string;
  readonly description: string;
  /** Context this rule needs: the name (variable, key, header) the value sits under. */
  readonly name: RegExp;
  /** The whole value must match. */
  readonly value: RegExp;
  readonly minEntropy?: number;
  /** Random lower-case letters and digits spell word-like runs by chance: skip the wordiness test. */
  readonly wordsByChance?: true;
  readonly sources?: readonly string[];
}

// Counts per UTF-16 unit, reused across calls: entropy runs on every candidate value.
const counts = new Uint32Array(65536);
const used: number[] = [];

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (counts[c]++ === 0) used.push(c);
  }
  let bits = 0;
  for (const c of used) {
    const p = counts[c] / value.length;
    bits -= p * Math.log2(p);
    counts[c] = 0;
  }
  used.length = 0;
  return bits;
}
