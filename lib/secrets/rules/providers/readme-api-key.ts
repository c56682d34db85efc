import type { FormatRule } from "../types";

// ReadMe API keys: `rdme_` and 70 lower-case letters and digits.

export const ReadmeApiKey: FormatRule = {
  id: "readme-api-key",
  description: "a ReadMe API key",
  keywords: ["rdme_"],
  pattern: /\b(rdme_[a-z0-9]{70})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.readme.com/main/reference/intro/authentication",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/readme.go",
  ],
};
