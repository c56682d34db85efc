import type { FormatRule } from "../types";

// CircleCI personal API tokens: `CCIPAT_`, 22 characters, `_` and 40 hex digits. (Project
// tokens, `CCIPRJ_`, have the same shape.)

export const CircleciToken: FormatRule = {
  id: "circleci-token",
  description: "a CircleCI API token",
  keywords: ["ccipat_", "cciprj_"],
  pattern: /\b(CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})\b/,
  minEntropy: 4,
  sources: [
    "https://circleci.com/docs/managing-api-tokens/",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/circleci",
  ],
};
