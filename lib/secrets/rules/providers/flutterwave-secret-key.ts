import type { FormatRule } from "../types";

// Flutterwave secret keys, live (`FLWSECK-`) and test (`FLWSECK_TEST-`): 32 characters of a to h
// and digits, then `-X`.

export const FlutterwaveSecretKey: FormatRule = {
  id: "flutterwave-secret-key",
  description: "a Flutterwave secret key",
  keywords: ["flwseck"],
  pattern: /\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)\b/,
  minEntropy: 3,
  sources: [
    "https://developer.flutterwave.com/docs/authentication",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (flutterwave-secret-key)",
  ],
};
