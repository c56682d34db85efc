import type { FormatRule, NamedRule } from "./types";

// Cloud platforms: AWS, Azure, Google, Cloudflare, DigitalOcean, Heroku. Formats as the providers
// document them (Cloudflare's scannable tokens: prefix, 40 characters, checksum).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CLOUD_FORMATS: readonly FormatRule[] = [
  { id: "aws-access-key-id", description: "an AWS access key id", keywords: ["akia", "asia", "abia", "acca", "a3t"], pattern: /\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\b/, minEntropy: 2.5 },
  { id: "azure-ad-client-secret", description: "an Azure AD (Entra ID) client secret", keywords: ["q~"], pattern: /(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/, minEntropy: 3 },
  { id: "azure-storage-key", description: "an Azure storage account key", keywords: ["accountkey"], pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/i, minEntropy: 4 },
  { id: "google-api-key", description: "a Google API key", keywords: ["aiza"], pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/, minEntropy: 3 },
  { id: "cloudflare-global-api-key", description: "a Cloudflare global API key", keywords: ["cfk_"], pattern: /\b(cfk_[A-Za-z0-9]{40}[a-f0-9]{8})\b/, minEntropy: 3 },
  { id: "cloudflare-api-token", description: "a Cloudflare API token", keywords: ["cfut_", "cfat_"], pattern: /\b(cf(?:ut|at)_[A-Za-z0-9]{40}[a-f0-9]{8})\b/, minEntropy: 3 },
  { id: "cloudflare-origin-ca-key", description: "a Cloudflare origin CA key", keywords: ["v1.0-"], pattern: /\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b/, minEntropy: 3 },
  { id: "digitalocean-token", description: "a DigitalOcean token", keywords: ["_v1_"], pattern: /\b(do[por]_v1_[a-f0-9]{64})\b/, minEntropy: 3 },
];

export const CLOUD_NAMED: readonly NamedRule[] = [
  { id: "aws-secret-access-key", description: "an AWS secret access key", name: /aws.?secret|secret.?access.?key/i, value: /^[A-Za-z0-9/+]{40}$/, minEntropy: 4 },
  // Outside an `AccountKey=` string only its length and a key-like name tell it apart.
  { id: "azure-storage-key", description: "an Azure storage account key", name: /key/i, value: /^[A-Za-z0-9+/]{86}==$/, minEntropy: 4 },
  { id: "cloudflare-global-api-key", description: "a Cloudflare global API key", name: /cloudflare|^cf_|x-auth-key/i, value: /^[a-f0-9]{37}$/, minEntropy: 3 },
  { id: "cloudflare-api-token", description: "a Cloudflare API token", name: /cloudflare.*token|^cf_.*token/i, value: /^[A-Za-z0-9_-]{40}$/, minEntropy: 3.5 },
  { id: "heroku-api-key", description: "a Heroku API key", name: /heroku/i, value: UUID },
];
