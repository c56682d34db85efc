import type { FormatRule } from "../types";

// LangSmith personal and service keys: `lsv2_pt_` or `lsv2_sk_`, 32 hex digits, `_`, 10 hex digits.

export const LangsmithApiKey: FormatRule = {
  id: "langsmith-api-key",
  description: "a LangSmith API key",
  keywords: ["lsv2_"],
  pattern: /\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
  ],
};
