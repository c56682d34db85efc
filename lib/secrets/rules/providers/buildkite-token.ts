import type { FormatRule } from "../types";

// Buildkite API access tokens: `bkua_` and 40 hex digits.

export const BuildkiteToken: FormatRule = {
  id: "buildkite-token",
  description: "a Buildkite API token",
  keywords: ["bkua_"],
  pattern: /\b(bkua_[a-f0-9]{40})\b/,
  minEntropy: 3,
  sources: [
    "https://buildkite.com/docs/apis/managing-api-tokens",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/buildkite",
  ],
};
