import type { FormatRule } from "../types";

// ElevenLabs API keys: `sk_` and 48 hex digits. Stripe's secret keys always say `live` or `test`
// after `sk_`, so the two never meet.

export const ElevenlabsApiKey: FormatRule = {
  id: "elevenlabs-api-key",
  description: "an ElevenLabs API key",
  keywords: ["sk_"],
  pattern: /\b(sk_[a-f0-9]{48})\b/,
  minEntropy: 3,
  sources: [
    "https://elevenlabs.io/docs/api-reference/authentication",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/elevenlabs",
  ],
};
