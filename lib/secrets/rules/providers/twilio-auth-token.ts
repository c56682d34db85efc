import type { NamedRule } from "../types";

// Twilio's account auth token has no prefix: 32 hex digits, proof only under a Twilio name.

export const TwilioAuthToken: NamedRule = {
  id: "twilio-auth-token",
  description: "a Twilio auth token",
  name: /twilio/i,
  value: /^[0-9a-f]{32}$/,
  minEntropy: 3,
  sources: [
    "https://www.twilio.com/docs/iam/api/authtoken",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/twilio",
  ],
};
