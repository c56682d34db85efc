import type { FormatRule } from "../types";

// JFrog Artifactory API keys (`AKCp` and 69 characters) and reference tokens (base64 of `reftkn:01:`).

export const ArtifactoryToken: FormatRule = {
  id: "artifactory-token",
  description: "a JFrog Artifactory token",
  keywords: ["akcp", "cmvmdgtu"],
  pattern: /\b(AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{50,})\b/,
  minEntropy: 3,
  sources: [
    "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/artifactory.go",
  ],
};
