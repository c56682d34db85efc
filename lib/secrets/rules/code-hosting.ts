import { crc32 } from "node:zlib";
import type { FormatRule, NamedRule } from "./types";

// Code hosting and package registries: GitHub, every GitLab token type GitLab documents, npm
// (granular and the legacy UUID tokens in .npmrc) and PyPI upload tokens.

const gitlab = (id: string, what: string, prefix: string, body: string): FormatRule => ({
  id,
  description: `a GitLab ${what}`,
  keywords: [prefix.toLowerCase()],
  pattern: new RegExp(`\\b(${prefix}${body})(?![0-9A-Za-z_-])`),
  minEntropy: 3,
});

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * The last six characters of a 36-character body are the CRC32 of the first thirty, in base 62,
 * zero-padded: GitHub's classic tokens and npm's access tokens share the design.
 */
function crc32SuffixHolds(body: string): boolean {
  let n = crc32(body.slice(0, 30));
  let check = "";
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) check = BASE62[n % 62] + check;
  return check === body.slice(30);
}

/**
 * A GitHub classic token's checksum. A 36-character body whose checksum fails was typed or made
 * up. Other lengths (fine-grained tokens, older formats) carry no published checksum and pass.
 */
export function githubChecksumHolds(token: string): boolean {
  const body = token.slice(4);
  return !/^gh[pousr]_/.test(token) || body.length !== 36 || crc32SuffixHolds(body);
}

/** An npm access token's checksum (`npm_` and 36 characters), GitHub's design. */
export const npmChecksumHolds = (token: string) => crc32SuffixHolds(token.slice(4));

/**
 * A value in a checksummed format whose checksum fails: no name makes it a credential, since the
 * provider itself refuses it (GITHUB_TOKEN=ghp_… with a made-up tail is a placeholder).
 */
export const failsChecksum = (v: string) => (/^gh[pousr]_[A-Za-z0-9]{36}$/.test(v) && !githubChecksumHolds(v)) || (/^npm_[A-Za-z0-9]{36}$/.test(v) && !npmChecksumHolds(v));

export const CODE_HOSTING_FORMATS: readonly FormatRule[] = [
  {
    id: "github-token",
    description: "a GitHub token",
    keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/,
    minEntropy: 3,
    confirm: githubChecksumHolds,
    sources: ["https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"],
  },
  gitlab("gitlab-personal-token", "personal, project or group access token", "glpat-", "[0-9A-Za-z_-]{20,}"),
  gitlab("gitlab-pipeline-trigger-token", "pipeline trigger token", "glptt-", "[0-9a-f]{40}"),
  gitlab("gitlab-runner-token", "runner authentication token", "glrt-", "[0-9A-Za-z_-]{20,}"),
  gitlab("gitlab-runner-registration-token", "runner registration token", "GR1348941", "[0-9A-Za-z_-]{20}"),
  gitlab("gitlab-feed-token", "feed token", "glft-", "[0-9A-Za-z_-]{20}"),
  gitlab("gitlab-deploy-token", "deploy token", "gldt-", "[0-9A-Za-z_-]{20,}"),
  gitlab("gitlab-oauth-app-secret", "OAuth application secret", "gloas-", "[0-9A-Za-z_-]{64}"),
  gitlab("gitlab-scim-token", "SCIM token", "glsoat-", "[0-9A-Za-z_-]{20}"),
  gitlab("gitlab-incoming-mail-token", "incoming mail token", "glimt-", "[0-9A-Za-z_-]{25}"),
  gitlab("gitlab-ci-build-token", "CI/CD job token", "glcbt-", "[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20}"),
  gitlab("gitlab-agent-token", "agent for Kubernetes token", "glagent-", "[0-9A-Za-z_-]{50}"),
  gitlab("gitlab-feature-flags-token", "feature flags client token", "glffct-", "[0-9A-Za-z_-]{20}"),
  {
    id: "npm-token",
    description: "an npm access token",
    keywords: ["npm_"],
    pattern: /\b(npm_[A-Za-z0-9]{36})\b/,
    minEntropy: 3,
    confirm: npmChecksumHolds,
    sources: ["https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/"],
  },
  { id: "npm-legacy-token", description: "a legacy npm token in .npmrc", keywords: ["_authtoken"], pattern: /_authToken\s*=\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i },
  { id: "pypi-upload-token", description: "a PyPI upload token", keywords: ["pypi-ag"], pattern: /\b(pypi-AgE[A-Za-z0-9_-]{16,}[A-Za-z0-9_-]{50,})/, minEntropy: 3 },
];

export const CODE_HOSTING_NAMED: readonly NamedRule[] = [
  { id: "npm-legacy-token", description: "a legacy npm token", name: /npm.*(token|auth)/i, value: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
];
