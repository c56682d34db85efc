import type { FormatRule } from "../types";

// Replicate API tokens: `r8_` and 37 characters.

export const ReplicateApiToken: FormatRule = {
  id: "replicate-api-token",
  description: "a Replicate API token",
  keywords: ["r8_"],
  pattern: /\b(r8_[A-Za-z0-9]{37})\b/,
  minEntropy: 3,
  sources: [
    "https://replicate.com/docs/reference/http#authentication",
  ],
};
