import type { FormatRule } from "../types";

// OpenRouter API keys: `sk-or-v1-` and 64 hex digits.

export const OpenrouterApiKey: FormatRule = {
  id: "openrouter-api-key",
  description: "an OpenRouter API key",
  keywords: ["sk-or-v1-"],
  pattern: /\b(sk-or-v1-[a-f0-9]{64})\b/,
  minEntropy: 3,
  sources: [
    "https://openrouter.ai/docs/api-reference/authentication",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/openrouter",
  ],
};
