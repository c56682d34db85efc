import type { FormatRule } from "../types";

// RubyGems.org API keys: `rubygems_` and 48 hex digits.

export const RubygemsApiKey: FormatRule = {
  id: "rubygems-api-key",
  description: "a RubyGems API key",
  keywords: ["rubygems_"],
  pattern: /\b(rubygems_[a-f0-9]{48})\b/,
  minEntropy: 3,
  sources: [
    "https://guides.rubygems.org/api-key-scopes/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/rubygems.go",
  ],
};
