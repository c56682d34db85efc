import type { FormatRule } from "../types";

// SonarQube user, project and global analysis tokens: `squ_`, `sqp_`, `sqa_` and 40 hex digits.

export const SonarqubeToken: FormatRule = {
  id: "sonarqube-token",
  description: "a SonarQube token",
  keywords: ["squ_", "sqp_", "sqa_"],
  pattern: /\b(sq[upa]_[a-f0-9]{40})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
  ],
};
