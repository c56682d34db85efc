import type { FormatRule } from "../types";

// Notion integration tokens: the older `secret_` and 43 characters, and `ntn_` since 2024.

export const NotionToken: FormatRule = {
  id: "notion-token",
  description: "a Notion integration token",
  keywords: ["ntn_", "secret_"],
  pattern: /\b(ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\b/,
  minEntropy: 3,
  // Random keys of this length hold digits; a long identifier after the prefix holds none.
  confirm: (key) => /\d.*\d/.test(key),
  sources: [
    "https://developers.notion.com/docs/authorization",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/notion.go",
  ],
};
