import type { FormatRule } from "../types";

// Shippo API tokens: `shippo_live_` or `shippo_test_` and 40 hex digits.

export const ShippoApiToken: FormatRule = {
  id: "shippo-api-token",
  description: "a Shippo API token",
  keywords: ["shippo_"],
  pattern: /\b(shippo_(?:live|test)_[a-f0-9]{40})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.goshippo.com/docs/guides_general/authentication/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/shippo.go",
  ],
};
