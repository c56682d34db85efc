import type { NamedRule } from "../types";

// Twilio's account auth token has no prefix: 32 hex digits, proof only under a Twilio name.

export const TwilioAuthToken: NamedRule = {
  id: "twilio-auth-token",
  description: "a Twilio auth token",
  name: /twilio/i,
  value: /^[0-9a-f]{32}$/,
  // 32 random hex digits fall under 3 bits a character about once in 8,000 draws; under 2.8 about once in a million.
  minEntropy: 2.8,
  sources: [
    "https://www.twilio.com/docs/iam/api/authtoken",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/twilio",
  ],
};
