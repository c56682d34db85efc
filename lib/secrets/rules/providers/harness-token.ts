import type { FormatRule } from "../types";

// Harness API tokens: `pat.` (personal) or `sat.` (service account), the account id (22
// characters), the token id (24) and the secret (20), dot-separated.

export const HarnessToken: FormatRule = {
  id: "harness-token",
  description: "a Harness personal or service account token",
  keywords: ["pat.", "sat."],
  pattern: /\b((?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})\b/,
  minEntropy: 3,
  sources: [
    "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (harness-api-key)",
  ],
};
