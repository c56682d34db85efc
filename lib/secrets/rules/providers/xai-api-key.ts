import type { FormatRule } from "../types";

// xAI API keys: `xai-` and 80 characters.

export const XaiApiKey: FormatRule = {
  id: "xai-api-key",
  description: "an xAI API key",
  keywords: ["xai-"],
  pattern: /\b(xai-[A-Za-z0-9]{80})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.x.ai/docs/overview",
  ],
};
