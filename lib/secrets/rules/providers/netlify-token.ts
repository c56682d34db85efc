import type { FormatRule } from "../types";

// Netlify personal access tokens: `nfp_` and 36 characters.

export const NetlifyToken: FormatRule = {
  id: "netlify-token",
  description: "a Netlify access token",
  keywords: ["nfp_"],
  pattern: /\b(nfp_[A-Za-z0-9]{36})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.netlify.com/api/get-started/#authentication",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/netlify",
  ],
};
