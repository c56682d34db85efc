import type { FormatRule } from "../types";

// Dynatrace API tokens: `dt0c01.`, a 24-character public part, `.`, a 64-character secret part.

export const DynatraceToken: FormatRule = {
  id: "dynatrace-token",
  description: "a Dynatrace API token",
  keywords: ["dt0c01."],
  pattern: /\b(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/dynatrace.go",
  ],
};
