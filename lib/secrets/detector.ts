// One secret detector for the config schema, the policies, plan and verify. Provider formats are
// matched exactly; anything else must sit under a secret-sounding name and look random. The
// look-alikes that are not secrets (ARNs, hashes, UUIDs, ids, public keys, publishable keys,
// placeholders) are recognised first, so a finding is worth acting on.

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
  { kind: "aws-secret-access-key", description: "an AWS secret access key", pattern: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}\b/i },
  { kind: "private-key", description: "a private key", pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/ },
  { kind: "github-token", description: "a GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/ },
  { kind: "gitlab-token", description: "a GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { kind: "slack-token", description: "a Slack token", pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}\b/ },
  { kind: "slack-webhook", description: "a Slack webhook URL", pattern: /hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]+\/[A-Z0-9]+\/[A-Za-z0-9]{16,}/ },
  { kind: "discord-webhook", description: "a Discord webhook URL", pattern: /discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{30,}/ },
  { kind: "stripe-secret-key", description: "a Stripe secret or restricted key", pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b/ },
  { kind: "sendgrid-api-key", description: "a SendGrid API key", pattern: /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}\b/ },
  { kind: "google-api-key", description: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "npm-token", description: "an npm access token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: "openai-api-key", description: "an OpenAI API key", pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b|\bsk-proj-[A-Za-z0-9_-]{40,}\b/ },
  { kind: "anthropic-api-key", description: "an Anthropic API key", pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}\b/ },
  { kind: "shopify-token", description: "a Shopify access token", pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/ },
  { kind: "digitalocean-token", description: "a DigitalOcean token", pattern: /\bdo[por]_v1_[a-f0-9]{64}\b/ },
  { kind: "twilio-api-key", description: "a Twilio API key", pattern: /\bSK[0-9a-f]{32}\b/ },
  { kind: "mailgun-api-key", description: "a Mailgun API key", pattern: /\bkey-[0-9a-f]{32}\b/ },
  { kind: "pagerduty-integration-url", description: "a PagerDuty integration URL", pattern: /events\.pagerduty\.com\/integration\/[0-9a-f]{32}\// },
  { kind: "azure-storage-key", description: "an Azure storage account key", pattern: /AccountKey=[A-Za-z0-9+/]{86}==/ },
  { kind: "basic-auth-header", description: "a Basic authorization header", pattern: /Authorization:\s*Basic\s+[A-Za-z0-9+/]{12,}={0,2}/i },
  { kind: "jwt", description: "a JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
  { kind: "url-with-password", description: "a URL with an embedded password", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s/@]{3,}@[^\s/]+/i },
];

const SECRET_NAME = /(secret|passw(or)?d|passwd|pwd|token|api[_-]?key|apikey|private[_-]?key|credential|auth[_-]?key|signing[_-]?key|access[_-]?key|client[_-]?secret|webhook[_-]?url|dsn|conn(ection)?[_-]?str)/i;
// Names that say the value is a public identifier even when they contain a keyword.
const PUBLIC_NAME = /(publishable|public[_-]?key|key[_-]?id|_arn$|arn$|[_-]id$|Id$|_name$|Name$|_path$|_ref$|version$|_hash$|_sha$)/;
const PLACEHOLDER = /^(?:<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%[A-Z_]+%|x{4,}|\*{3,}|\.{3,}|changeme|change-me|todo|placeholder|example|redacted|dummy|none|null|undefined|true|false|\[secret\]|\[unknown\])$/i;

/** Placeholders and public material: never secrets, even when a provider format matches. */
function isPublicOrPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    PLACEHOLDER.test(v) ||
    // A templated value (`${...}`) is filled in elsewhere: the literal holds no secret.
    /\$\{[^}]*\}/.test(v) ||
    /EXAMPLE/.test(v) ||
    /(^|;)\s*v=DKIM1\b/.test(v) ||
    /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+) AAAA/.test(v) ||
    /-----BEGIN (PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY)-----/.test(v) ||
    /^pk_(live|test)_/.test(v) ||
    /\.apps\.googleusercontent\.com$/.test(v)
  );
}

/** Identifiers and public material, which a random-looking value under a secret name may still be. */
function isLookAlike(value: string): boolean {
  const v = value.trim();
  return (
    isPublicOrPlaceholder(v) ||
    /^arn:aws[a-z-]*:/.test(v) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ||
    /^(sha(1|256|512):)?[0-9a-f]{32,128}$/i.test(v) ||
    /^\d+$/.test(v) ||
    /^[a-z0-9]+([-_.][a-z0-9]+)*$/.test(v) || // kebab, snake or dotted names
    /^\/[\w./-]*$/.test(v) || // paths
    /^[A-Za-z][\w+.-]*:\/\/[^\s@]*$/.test(v) // URLs without credentials
  );
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

function looksRandom(value: string): boolean {
  if (value.length < 16 || /\s/.test(value) || isLookAlike(value)) return false;
  // Random credentials mix letters and digits; words and identifiers rarely do at this entropy.
  return /[A-Za-z]/.test(value) && /\d/.test(value) && entropy(value) >= 3.5;
}

/**
 * Finds secrets in one value. `name` is where the value sits (an env var, a config key, a tag),
 * which gates the entropy check. Findings name the kind only, so they are safe to print.
 */
export function detectSecrets(value: string, name?: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  if (!isPublicOrPlaceholder(value)) {
    for (const f of FORMATS) {
      if (f.pattern.test(value)) findings.push({ kind: f.kind, description: f.description });
    }
    // The AWS secret key has no prefix of its own: its name says what it is.
    if (findings.length === 0 && name && /aws_?secret_?access_?key/i.test(name) && /^[A-Za-z0-9/+]{40}$/.test(value)) findings.push({ kind: "aws-secret-access-key", description: "an AWS secret access key" });
  }
  if (findings.length === 0 && name && SECRET_NAME.test(name) && !PUBLIC_NAME.test(name) && looksRandom(value)) {
    findings.push({ kind: "high-entropy-secret", description: `a random-looking value under the secret-sounding name "${name}"` });
  }
  return findings;
}

/** Scans free text (a file, a bundle, a log): formats anywhere, and `name = value` pairs by name. */
export function scanText(text: string): Array<SecretFinding & { readonly line: number }> {
  const out: Array<SecretFinding & { line: number }> = [];
  text.split("\n").forEach((line, i) => {
    const seen = new Set<string>();
    for (const f of FORMATS) {
      const m = f.pattern.exec(line);
      if (m && !isPublicOrPlaceholder(m[0])) {
        out.push({ kind: f.kind, description: f.description, line: i + 1 });
        seen.add(f.kind);
      }
    }
    if (seen.size) return;
    // name = value pairs; the value in a credential's alphabet, so code on the right is not read as one.
    for (const m of line.matchAll(/["'`]?([A-Za-z_][\w.-]*)["'`]?\s*[:=]\s*["'`]?([A-Za-z0-9+/=_\-.~:@%!]+)(?=$|["'`\s,;})])/g)) {
      for (const f of detectSecrets(m[2], m[1])) out.push({ ...f, line: i + 1 });
    }
  });
  return out;
}

/** A value masked for evidence: its length only, never a character of it. */
export function mask(value: string): string {
  return `[${value.length} characters, masked]`;
}
