import type { FormatRule } from "../types";

// Adobe Developer Console OAuth client secrets: `p8e-` and 32 letters and digits.

export const AdobeClientSecret: FormatRule = {
  id: "adobe-client-secret",
  description: "an Adobe OAuth client secret",
  keywords: ["p8e-"],
  pattern: /\b(p8e-[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/adobe.go",
  ],
};
