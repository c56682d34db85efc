import type { FormatRule } from "../types";

// Ramp API client secrets: `ramp_sec_` and 48 letters and digits. The client id beside it
// (`ramp_id_`) names the app and is left alone.

export const RampApiSecret: FormatRule = {
  id: "ramp-api-secret",
  description: "a Ramp API client secret",
  keywords: ["ramp_sec_"],
  pattern: /\b(ramp_sec_[A-Za-z0-9]{48})\b/,
  minEntropy: 4,
  sources: [
    "https://docs.ramp.com/developer-api/v1/authorization",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/ramp",
  ],
};
