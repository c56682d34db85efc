import type { FormatRule } from "../types";

// PlanetScale service tokens, passwords and OAuth tokens: `pscale_tkn_`, `pscale_pw_`, `pscale_oauth_`.

export const PlanetscaleToken: FormatRule = {
  id: "planetscale-token",
  description: "a PlanetScale token or password",
  keywords: ["pscale_"],
  pattern: /\b(pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64})\b/,
  minEntropy: 3,
  sources: [
    "https://planetscale.com/docs/concepts/service-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/planetscale.go",
  ],
};
