import type { FormatRule } from "../types";

// Infracost API keys: `ico-` and 32 characters.

export const InfracostApiKey: FormatRule = {
  id: "infracost-api-key",
  description: "an Infracost API key",
  keywords: ["ico-"],
  pattern: /\b(ico-[A-Za-z0-9]{32})\b/,
  minEntropy: 3,
  sources: [
    "https://www.infracost.io/docs/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/infracost.go",
  ],
};
