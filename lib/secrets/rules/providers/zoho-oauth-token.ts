import type { FormatRule } from "../types";

// Zoho OAuth access and refresh tokens: `1000.`, 32 hex digits, `.` and 32 more.

export const ZohoOauthToken: FormatRule = {
  id: "zoho-oauth-token",
  description: "a Zoho OAuth token",
  keywords: ["1000."],
  pattern: /\b(1000\.[a-f0-9]{32}\.[a-f0-9]{32})\b/,
  minEntropy: 3,
  sources: [
    "https://www.zoho.com/crm/developer/docs/api/v7/access-refresh.html",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/zohocrm",
  ],
};
