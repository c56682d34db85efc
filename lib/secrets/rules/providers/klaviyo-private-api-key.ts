import type { FormatRule } from "../types";

// Klaviyo private API keys: `pk_` and 34 hex digits, or `pk_`, six characters, `_` and 34 hex
// digits in the newer form. (Klaviyo's public key is a six-character site id; Stripe's
// publishable `pk_live_` and `pk_test_` keys have an underscore where these have hex.)

export const KlaviyoPrivateApiKey: FormatRule = {
  id: "klaviyo-private-api-key",
  description: "a Klaviyo private API key",
  keywords: ["pk_"],
  pattern: /\b(pk_(?:[A-Za-z0-9]{6}_)?[0-9a-f]{34})\b/,
  minEntropy: 3,
  sources: [
    "https://developers.klaviyo.com/en/docs/authenticate_#private-key-authentication",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/klaviyo",
  ],
};
