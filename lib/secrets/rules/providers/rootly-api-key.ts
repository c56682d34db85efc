import type { FormatRule } from "../types";

// Rootly API keys: `rootly_` and 64 hex digits.

export const RootlyApiKey: FormatRule = {
  id: "rootly-api-key",
  description: "a Rootly API key",
  keywords: ["rootly_"],
  pattern: /\b(rootly_[a-f0-9]{64})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.rootly.com/api-reference/overview#authentication",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/rootly",
  ],
};
