import type { FormatRule } from "../types";

// Sourcegraph access tokens: `sgp_`, an optional instance id, then 40 hex digits; `sgph_` for the hashed form.

export const SourcegraphToken: FormatRule = {
  id: "sourcegraph-token",
  description: "a Sourcegraph access token",
  keywords: ["sgp_", "sgph_"],
  pattern: /\b(sgph?_(?:[a-f0-9]{16}_)?[a-f0-9]{40})\b/,
  minEntropy: 3,
  sources: [
    "https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/sourcegraph",
  ],
};
