import type { FormatRule } from "../types";

// Heroku API keys in the 2024 format: `HRKU-AA` and 58 characters of base64url. The older keys
// are bare UUIDs, found only under a Heroku name (cloud.ts).

export const HerokuApiKeyV2: FormatRule = {
  id: "heroku-api-key-v2",
  description: "a Heroku API key",
  keywords: ["hrku-aa"],
  pattern: /\b(HRKU-AA[0-9A-Za-z_-]{58})(?![0-9A-Za-z_-])/,
  minEntropy: 4,
  sources: [
    "https://devcenter.heroku.com/articles/authentication#api-token-format",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/heroku.go",
  ],
};
