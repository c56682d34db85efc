import type { FormatRule } from "../types";

// Typeform personal access tokens: `tfp_`, 44 characters, `_`, 14 characters.

export const TypeformToken: FormatRule = {
  id: "typeform-token",
  description: "a Typeform personal access token",
  keywords: ["tfp_"],
  pattern: /\b(tfp_[A-Za-z0-9_.=-]{59})(?![A-Za-z0-9_.=-])/,
  minEntropy: 3,
  sources: [
    "https://www.typeform.com/developers/get-started/personal-access-token/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/typeform.go",
  ],
};
