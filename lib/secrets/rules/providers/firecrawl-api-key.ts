import type { FormatRule } from "../types";

// Firecrawl API keys: `fc-` and 32 hex digits.

export const FirecrawlApiKey: FormatRule = {
  id: "firecrawl-api-key",
  description: "a Firecrawl API key",
  keywords: ["fc-"],
  pattern: /\b(fc-[a-f0-9]{32})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.firecrawl.dev/introduction",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/firecrawl.go",
  ],
};
