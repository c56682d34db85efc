import type { FormatRule } from "../types";

// Duffel API tokens: `duffel_live_` or `duffel_test_` and 43 characters.

export const DuffelApiToken: FormatRule = {
  id: "duffel-api-token",
  description: "a Duffel API token",
  keywords: ["duffel_"],
  pattern: /\b(duffel_(?:test|live)_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://duffel.com/docs/api/overview/making-requests/authentication",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/duffel.go",
  ],
};
