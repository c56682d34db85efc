import type { FormatRule } from "../types";

// Fly.io access tokens: `fo1_` personal tokens and the `fm1r_`, `fm1a_`, `fm2_` macaroon tokens.

export const FlyioToken: FormatRule = {
  id: "flyio-token",
  description: "a Fly.io access token",
  keywords: ["fo1_", "fm1r_", "fm1a_", "fm2_"],
  pattern: /\b(fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})/,
  minEntropy: 3,
  sources: [
    "https://fly.io/docs/security/tokens/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/flyio.go",
  ],
};
