import type { FormatRule } from "../types";

// Google OAuth 2.0 access tokens: `ya29.` and the token body.

export const GoogleOauthAccessToken: FormatRule = {
  id: "google-oauth-access-token",
  description: "a Google OAuth access token",
  keywords: ["ya29."],
  pattern: /\b(ya29\.[0-9A-Za-z_-]{30,})/,
  minEntropy: 3,
  sources: [
    "https://developers.google.com/identity/protocols/oauth2",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/gcpapplicationdefaultcredentials",
  ],
};
