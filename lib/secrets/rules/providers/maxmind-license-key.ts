import type { FormatRule } from "../types";

// MaxMind license keys in the current format: six characters, 29 more, and the suffix `_mmk`.

export const MaxmindLicenseKey: FormatRule = {
  id: "maxmind-license-key",
  description: "a MaxMind license key",
  keywords: ["_mmk"],
  pattern: /\b([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)\b/,
  minEntropy: 4,
  sources: [
    "https://dev.maxmind.com/license-key-format",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/maxmind.go",
  ],
};
