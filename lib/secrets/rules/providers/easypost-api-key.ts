import type { FormatRule } from "../types";

// EasyPost API keys: `EZAK` (production) or `EZTK` (test) and 54 characters.

export const EasypostApiKey: FormatRule = {
  id: "easypost-api-key",
  description: "an EasyPost API key",
  keywords: ["ezak", "eztk"],
  pattern: /\b(EZ[AT]K[A-Za-z0-9]{54})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.easypost.com/docs/authentication",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/easypost.go",
  ],
};
