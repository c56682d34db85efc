import type { FormatRule } from "../types";

// Prefect Cloud API keys: `pnu_` and 36 characters.

export const PrefectApiKey: FormatRule = {
  id: "prefect-api-key",
  description: "a Prefect API key",
  keywords: ["pnu_"],
  pattern: /\b(pnu_[A-Za-z0-9]{36})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/prefect.go",
  ],
};
