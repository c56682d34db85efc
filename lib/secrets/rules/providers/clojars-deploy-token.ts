import type { FormatRule } from "../types";

// Clojars deploy tokens: `CLOJARS_` and 60 lower-case letters and digits.

export const ClojarsDeployToken: FormatRule = {
  id: "clojars-deploy-token",
  description: "a Clojars deploy token",
  keywords: ["clojars_"],
  pattern: /\b(CLOJARS_[a-z0-9]{60})\b/,
  minEntropy: 3,
  sources: [
    "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (clojars-api-token)",
  ],
};
