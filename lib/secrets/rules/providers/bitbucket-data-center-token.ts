import type { FormatRule } from "../types";

// Bitbucket Data Center HTTP access tokens: `BBDC-` and 40 to 50 characters.

export const BitbucketDataCenterToken: FormatRule = {
  id: "bitbucket-data-center-token",
  description: "a Bitbucket Data Center HTTP access token",
  keywords: ["bbdc-"],
  pattern: /\b(BBDC-[A-Za-z0-9+/@_-]{40,50})(?![A-Za-z0-9+/@_-])/,
  minEntropy: 4,
  sources: [
    "https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/atlassiandatacenter",
  ],
};
