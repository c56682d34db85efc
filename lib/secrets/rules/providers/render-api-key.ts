import type { FormatRule } from "../types";

// Render API keys: `rnd_` and 32 characters.

export const RenderApiKey: FormatRule = {
  id: "render-api-key",
  description: "a Render API key",
  keywords: ["rnd_"],
  pattern: /\b(rnd_[A-Za-z0-9]{32})\b/,
  minEntropy: 3,
  sources: [
    "https://render.com/docs/api#1-create-an-api-key",
  ],
};
