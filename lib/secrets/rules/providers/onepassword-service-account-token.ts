import type { FormatRule } from "../types";

// 1Password service account tokens: `ops_` and a base64 JSON body.

export const OnepasswordServiceAccountToken: FormatRule = {
  id: "onepassword-service-account-token",
  description: "a 1Password service account token",
  keywords: ["ops_eyj"],
  pattern: /\b(ops_eyJ[A-Za-z0-9+/=_-]{100,})/,
  minEntropy: 3,
  sources: [
    "https://developer.1password.com/docs/service-accounts/security/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/1password.go",
  ],
};
