import type { FormatRule } from "../types";

// GoCardless access tokens: `live_` or `sandbox_` and 40 characters of base64url. Lob's keys
// (35 hex) and Twitch's stream keys (`live_`, digits, `_`, 30) have other lengths.

export const GocardlessAccessToken: FormatRule = {
  id: "gocardless-access-token",
  description: "a GoCardless access token",
  keywords: ["live_", "sandbox_"],
  pattern: /\b((?:live|sandbox)_(?!\d{6,12}_)[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  sources: [
    "https://developer.gocardless.com/getting-started/api/making-your-first-request/",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/gocardless",
  ],
};
