import type { FormatRule } from "../types";

// Dropbox short-lived OAuth access tokens: `sl.` and 135 or more characters.

export const DropboxShortLivedToken: FormatRule = {
  id: "dropbox-short-lived-token",
  description: "a Dropbox short-lived access token",
  keywords: ["sl."],
  pattern: /(?<![A-Za-z0-9_.-])(sl\.[A-Za-z0-9_=-]{135,})(?![A-Za-z0-9_=-])/,
  minEntropy: 4,
  sources: [
    "https://developers.dropbox.com/oauth-guide",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (dropbox-short-lived-api-token)",
  ],
};
