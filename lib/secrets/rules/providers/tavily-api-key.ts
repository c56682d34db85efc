import type { FormatRule } from "../types";

// Tavily search API keys.

export const TavilyApiKey: FormatRule = {
  id: "tavily-api-key",
  description: "a Tavily API key",
  keywords: ["tvly-"],
  pattern: /\b(tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.tavily.com/documentation/api-reference/introduction",
  ],
};
