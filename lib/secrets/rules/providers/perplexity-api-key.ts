import type { FormatRule } from "../types";

// Perplexity API keys: `pplx-` and 48 characters.

export const PerplexityApiKey: FormatRule = {
  id: "perplexity-api-key",
  description: "a Perplexity API key",
  keywords: ["pplx-"],
  pattern: /\b(pplx-[A-Za-z0-9]{48})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.perplexity.ai/guides/getting-started",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/perplexity.go",
  ],
};
