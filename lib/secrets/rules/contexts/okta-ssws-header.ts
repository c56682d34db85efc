import type { FormatRule } from "../types";

// Okta's API takes its token under its own scheme: `Authorization: SSWS <token>`.

export const OktaSswsHeader: FormatRule = {
  id: "okta-ssws-header",
  description: "an Okta API token in an SSWS Authorization header",
  keywords: ["ssws "],
  pattern: /Authorization["']?\s*[:=,]\s*["']?SSWS\s+([A-Za-z0-9_-]{40,44})(?![A-Za-z0-9_-])/i,
  minEntropy: 3,
  sources: ["https://developer.okta.com/docs/reference/core-okta-api/#authentication"],
};
