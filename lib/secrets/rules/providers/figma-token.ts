import type { FormatRule } from "../types";

// Figma personal access tokens.

export const FigmaToken: FormatRule = {
  id: "figma-token",
  description: "a Figma personal access token",
  keywords: ["figd_"],
  pattern: /\b(figd_[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://www.figma.com/developers/api#access-tokens",
  ],
};
