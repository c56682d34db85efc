import type { FormatRule } from "../types";

// TrueNAS API keys (`<id>-<64 characters>`) have no prefix of their own: proof is the method that
// takes them, `auth.login_with_api_key`, or the REST API's Bearer header beside a TrueNAS host.

export const TruenasApiKey: FormatRule = {
  id: "truenas-api-key",
  description: "a TrueNAS API key",
  keywords: ["login_with_api_key"],
  pattern: /login_with_api_key["'][\s\S]{0,80}?["'](\d{1,5}-[A-Za-z0-9]{64})["']/,
  minEntropy: 3,
  sources: ["https://www.truenas.com/docs/api/core_websocket_api.html", "https://www.truenas.com/docs/scale/api/"],
};
