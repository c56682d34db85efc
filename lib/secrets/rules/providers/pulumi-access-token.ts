import type { FormatRule } from "../types";

// Pulumi Cloud access tokens: `pul-` and 40 hex digits. The one credential this project's own pipeline holds.

export const PulumiAccessToken: FormatRule = {
  id: "pulumi-access-token",
  description: "a Pulumi access token",
  keywords: ["pul-"],
  pattern: /\b(pul-[a-f0-9]{40})\b/,
  minEntropy: 3,
  sources: [
    "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/pulumi.go",
  ],
};
