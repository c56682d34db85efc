import type { FormatRule } from "../types";

// Meta's user, page and system-user access tokens: `EAA` and a hundred or more letters and digits.
// Not inside base64 (a PNG's body spells EAA too): the character before must not be base64.

export const MetaAccessToken: FormatRule = {
  id: "meta-access-token",
  description: "a Meta (Facebook, Instagram) access token",
  keywords: ["eaa"],
  pattern: /(?<![A-Za-z0-9+/])(EAA[A-Za-z0-9]{100,})(?![A-Za-z0-9+/=])/,
  minEntropy: 4.5,
  sources: [
    "https://developers.facebook.com/docs/facebook-login/guides/access-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (facebook-page-access-token)",
  ],
};
