import type { FormatRule } from "../types";

// Airtable personal access tokens: `pat`, a 14-character id, a dot and 64 hex characters of secret.

export const AirtablePersonalAccessToken: FormatRule = {
  id: "airtable-personal-access-token",
  description: "an Airtable personal access token",
  keywords: ["pat"],
  pattern: /\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})\b/,
  minEntropy: 3,
  sources: [
    "https://airtable.com/developers/web/guides/personal-access-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (airtable-personnal-access-token)",
  ],
};
