import type { FormatRule } from "../types";

// Salesforce session and access tokens: the org id (`00D…`), `!`, then the session part.

export const SalesforceAccessToken: FormatRule = {
  id: "salesforce-access-token",
  description: "a Salesforce access token",
  keywords: ["00d"],
  pattern: /\b(00D[A-Za-z0-9]{12,15}![A-Za-z0-9_.]{80,120})/,
  minEntropy: 3,
  sources: [
    "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/salesforce",
  ],
};
