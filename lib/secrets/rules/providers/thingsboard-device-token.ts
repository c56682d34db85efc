import type { FormatRule } from "../types";

// ThingsBoard device access tokens, in the device API's URL path (`/api/v1/<token>/telemetry`).

export const ThingsboardDeviceToken: FormatRule = {
  id: "thingsboard-device-token",
  description: "a ThingsBoard device access token",
  keywords: ["/api/v1/"],
  pattern: /\/api\/v1\/([A-Za-z0-9]{20})\/(?:telemetry|attributes|rpc|claim)\b/,
  minEntropy: 3,
  sources: [
    "https://thingsboard.io/docs/reference/http-api/",
  ],
};
