// One secret detector for the config schema, the policies, plan and verify. Provider formats are
// matched exactly; anything else must sit under a secret-sounding name and look random, so ids,
// hashes and placeholders are not reported.

export interface SecretFinding {
  /** Stable kind, e.g. `aws-access-key-id`; never the value. */
  readonly kind: string;
  readonly description: string;
}

interface Format {
  readonly kind: string;
  readonly description: string;
  readonly pattern: RegExp;
}

const FORMATS: readonly Format[] = [
  { kind: "aws-access-key-id", description: "an AWS access key id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { kind: "private-key", description: "a PEM private key", pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY( BLOCK)?-----/ },
  { kind: "github-token", description: "a GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b/ },
  { kind: "slack-token", description: "a Slack token", pattern: /\bxox[abprs]-[0-9A-Za-z-]{10,}\b/ },
  { kind: "slack-webhook", description: "a Slack webhook URL", pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/ },
  { kind: "stripe-secret-key", description: "a Stripe secret or restricted key", pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b/ },
  { kind: "sendgrid-api-key", description: "a SendGrid API key", pattern: /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}\b/ },
  { kind: "google-api-key", description: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "npm-token", description: "an npm access token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: "jwt", description: "a JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
  { kind: "url-with-password", description: "a URL with an embedded password", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s/@]{3,}@[^\s/]+/i },
];

const SECRET_NAME = /(secret|passw(or)?d|pwd|token|api[_-]?key|apikey|private[_-]?key|credential|auth[_-]?key|signing[_-]?key|webhook)/i;
// Names that say the value is a public identifier even when they contain a keyword.
const PUBLIC_NAME = /(publishable|public[_-]?key|key[_-]?id|_arn$|arn$|[_-]id$|Id$|name$|path$|url$|version$)/;
const PLACEHOLDER = /^(?:<[^>]*>|\$\{[^}]*\}|x+|\*+|changeme|change-me|todo|placeholder|example|redacted|\[secret\]|none|null|true|false)$/i;

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

function looksRandom(value: string): boolean {
  if (value.length < 16 || /\s/.test(value) || PLACEHOLDER.test(value)) return false;
  // ARNs, UUIDs and plain hex digests are identifiers, not credentials.
  if (/^arn:/.test(value) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  if (/^[0-9a-f]+$/i.test(value) && [32, 40, 64].includes(value.length)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && entropy(value) >= 3.5;
}

/**
 * Finds secrets in one value. `name` is where the value sits (an env var, a config key, a tag),
 * which gates the entropy check. Findings name the kind only, so they are safe to print.
 */
export function detectSecrets(value: string, name?: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const f of FORMATS) {
    if (f.pattern.test(value)) findings.push({ kind: f.kind, description: f.description });
  }
  if (findings.length === 0 && name && SECRET_NAME.test(name) && !PUBLIC_NAME.test(name) && looksRandom(value)) {
    findings.push({ kind: "high-entropy-secret", description: `a random-looking value under the secret-sounding name "${name}"` });
  }
  return findings;
}

/** A value masked for evidence: length and the first two characters, never more. */
export function mask(value: string): string {
  return value.length <= 4 ? "****" : `${value.slice(0, 2)}…(${value.length} chars)`;
}
