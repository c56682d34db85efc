import type { FormatRule } from "../types";

// Resend API keys: `re_`, 8 characters, `_`, 24 characters.

export const ResendApiKey: FormatRule = {
  id: "resend-api-key",
  description: "a Resend API key",
  keywords: ["re_"],
  pattern: /\b(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b/,
  minEntropy: 3,
  sources: [
    "https://resend.com/docs/dashboard/api-keys/introduction",
  ],
};
