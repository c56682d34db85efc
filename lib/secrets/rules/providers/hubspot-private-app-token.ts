import type { FormatRule } from "../types";

// HubSpot private app access tokens: `pat-`, a region (`na1`, `eu1`), then a UUID.

export const HubspotPrivateAppToken: FormatRule = {
  id: "hubspot-private-app-token",
  description: "a HubSpot private app token",
  keywords: ["pat-na1-", "pat-eu1-"],
  pattern: /\b(pat-(?:na|eu)1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/,
  minEntropy: 3,
  sources: [
    "https://developers.hubspot.com/docs/api/private-apps",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/hubspotapikey",
  ],
};
