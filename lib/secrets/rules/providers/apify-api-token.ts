import type { FormatRule } from "../types";

// Apify API tokens: `apify_api_` and 36 letters and digits.

export const ApifyApiToken: FormatRule = {
  id: "apify-api-token",
  description: "an Apify API token",
  keywords: ["apify_api_"],
  pattern: /\b(apify_api_[A-Za-z0-9]{36})\b/,
  minEntropy: 4,
  sources: [
    "https://docs.apify.com/platform/integrations/api#api-token",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/apify",
  ],
};
