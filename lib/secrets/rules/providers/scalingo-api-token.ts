import type { FormatRule } from "../types";

// Scalingo API tokens: `tk-us-` and 48 characters.

export const ScalingoApiToken: FormatRule = {
  id: "scalingo-api-token",
  description: "a Scalingo API token",
  keywords: ["tk-us-"],
  pattern: /\b(tk-us-[A-Za-z0-9_-]{48})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://developers.scalingo.com/",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (scalingo-api-token)",
  ],
};
