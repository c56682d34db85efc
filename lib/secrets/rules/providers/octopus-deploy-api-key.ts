import type { FormatRule } from "../types";

// Octopus Deploy API keys: `API-` and 26 or more upper-case letters and digits.

export const OctopusDeployApiKey: FormatRule = {
  id: "octopus-deploy-api-key",
  description: "an Octopus Deploy API key",
  keywords: ["api-"],
  pattern: /\b(API-[A-Z0-9]{26,32})\b/,
  minEntropy: 3,
  // Random keys of this length hold a digit (all but one in 9,000); a long identifier after the
  // prefix (API-GATEWAYINTEGRATIONRESPONSES) holds none. Asking for two digits refused one random
  // key in 800.
  confirm: (key) => /\d/.test(key),
  sources: [
    "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/octopus.go",
  ],
};
