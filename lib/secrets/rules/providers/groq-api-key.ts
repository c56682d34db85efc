import type { FormatRule } from "../types";

// Groq API keys: `gsk_` and 52 characters.

export const GroqApiKey: FormatRule = {
  id: "groq-api-key",
  description: "a Groq API key",
  keywords: ["gsk_"],
  pattern: /\b(gsk_[A-Za-z0-9]{52})\b/,
  minEntropy: 3,
  sources: [
    "https://console.groq.com/docs/api-keys",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/groq",
  ],
};
