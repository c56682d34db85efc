import type { FormatRule } from "../types";

// 1Password account Secret Keys: A3, then 34 upper-case letters and digits in dashed groups
// (A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX; older kits group the second part as eleven). With
// the account password it opens the whole vault, so it is never written down outside the kit.

export const OnepasswordSecretKey: FormatRule = {
  id: "onepassword-secret-key",
  description: "a 1Password account Secret Key",
  keywords: ["a3-"],
  pattern: /\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b/,
  minEntropy: 3.5,
  sources: [
    "https://support.1password.com/secret-key/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/1password.go",
  ],
};
