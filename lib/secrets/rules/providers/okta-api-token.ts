import type { NamedRule } from "../types";

// Okta API tokens are `00` and 40 more characters, with no provider prefix: proof under an Okta name.

export const OktaApiToken: NamedRule = {
  id: "okta-api-token",
  description: "an Okta API token",
  name: /okta/i,
  value: /^00[A-Za-z0-9_-]{40}$/,
  minEntropy: 3,
  sources: [
    "https://developer.okta.com/docs/guides/create-an-api-token/main/",
  ],
};
