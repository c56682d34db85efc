import type { FormatRule } from "../types";

// OWASP Dependency-Track API keys: `odt_` and 32 characters.

export const DependencyTrackKey: FormatRule = {
  id: "dependency-track-key",
  description: "a Dependency-Track API key",
  keywords: ["odt_"],
  pattern: /\b(odt_[A-Za-z0-9]{32,})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.dependencytrack.org/integrations/rest-api/",
  ],
};
