import type { FormatRule } from "../types";

// Docker Hub personal and organisation access tokens.

export const DockerHubToken: FormatRule = {
  id: "docker-hub-token",
  description: "a Docker Hub access token",
  keywords: ["dckr_pat_", "dckr_oat_"],
  pattern: /\b(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://docs.docker.com/security/for-developers/access-tokens/",
    "https://docs.docker.com/security/for-admins/access-tokens/",
  ],
};
