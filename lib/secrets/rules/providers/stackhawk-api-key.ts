import type { FormatRule } from "../types";

// StackHawk API keys: `hawk.`, then two dot-separated 20-character parts.

export const StackhawkApiKey: FormatRule = {
  id: "stackhawk-api-key",
  description: "a StackHawk API key",
  keywords: ["hawk."],
  pattern: /\b(hawk\.[A-Za-z0-9_-]{20}\.[A-Za-z0-9_-]{20})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.stackhawk.com/apidocs.html",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/hawk.go",
  ],
};
