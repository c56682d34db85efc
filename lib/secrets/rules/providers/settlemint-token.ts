import type { FormatRule } from "../types";

// SettleMint application, personal and service access tokens: `sm_aat_`, `sm_pat_`, `sm_sat_` and
// 16 letters and digits.

export const SettlemintToken: FormatRule = {
  id: "settlemint-token",
  description: "a SettleMint access token",
  keywords: ["sm_aat_", "sm_pat_", "sm_sat_"],
  pattern: /\b(sm_(?:aat|pat|sat)_[A-Za-z0-9]{16})\b/,
  minEntropy: 3,
  sources: [
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (settlemint-personal-access-token)",
  ],
};
