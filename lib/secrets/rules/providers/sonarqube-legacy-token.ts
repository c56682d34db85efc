import type { NamedRule } from "../types";

// SonarQube tokens before the `squ_` prefixes: 40 hex digits, proof under a Sonar name.

export const SonarqubeLegacyToken: NamedRule = {
  id: "sonarqube-legacy-token",
  description: "a SonarQube token",
  name: /sonar/i,
  value: /^[0-9a-f]{40}$/,
  minEntropy: 3,
  sources: [
    "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
  ],
};
