import type { FormatRule } from "../types";

// Tableau personal access token secrets: 22 characters of base64 and its `==` padding, `:` and
// 32 letters and digits (the token's name travels beside it and is not secret).

export const TableauPersonalAccessToken: FormatRule = {
  id: "tableau-personal-access-token",
  description: "a Tableau personal access token secret",
  keywords: ["==:"],
  pattern: /(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{22}==:[A-Za-z0-9]{32})\b/,
  minEntropy: 4,
  sources: [
    "https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/tableau",
  ],
};
