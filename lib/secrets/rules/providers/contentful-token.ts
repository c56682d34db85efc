import type { FormatRule } from "../types";

// Contentful personal access tokens: `CFPAT-` and 43 characters.

export const ContentfulToken: FormatRule = {
  id: "contentful-token",
  description: "a Contentful personal access token",
  keywords: ["cfpat-"],
  pattern: /\b(CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://www.contentful.com/developers/docs/references/authentication/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/contentful.go",
  ],
};
