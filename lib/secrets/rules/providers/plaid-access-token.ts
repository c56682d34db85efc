import type { FormatRule } from "../types";

// Plaid access tokens: `access-`, the environment, then a UUID.

export const PlaidAccessToken: FormatRule = {
  id: "plaid-access-token",
  description: "a Plaid access token",
  keywords: ["access-sandbox-", "access-development-", "access-production-"],
  pattern: /\b(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/,
  minEntropy: 3,
  sources: [
    "https://plaid.com/docs/api/tokens/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/plaid.go",
  ],
};
