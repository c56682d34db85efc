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
}

export interface NamedRule {
  readonly id: string;
  readonly description: string;
  /** Context this rule needs: the name (variable, key, header) the value sits under. */
  readonly name: RegExp;
  /** The whole value must match. */
  readonly value: RegExp;
  readonly minEntropy?: number;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
