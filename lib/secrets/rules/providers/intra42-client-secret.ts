import type { FormatRule } from "../types";

// 42's intra API client secrets: `s-s4t2ud-` or `s-s4t2af-` and 64 hex characters.

export const Intra42ClientSecret: FormatRule = {
  id: "intra42-client-secret",
  description: "a 42 intra OAuth client secret",
  keywords: ["s-s4t2ud-", "s-s4t2af-"],
  pattern: /\b(s-s4t2(?:ud|af)-[a-f0-9]{64})\b/,
  minEntropy: 3,
  sources: [
    "https://api.intra.42.fr/apidoc/guides/getting_started",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (intra42-client-secret)",
  ],
};
