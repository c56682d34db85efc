import type { FormatRule } from "../types";

// A GitLab session cookie, `_gitlab_session=` and 32 characters: whoever holds it is signed in as
// that user until the session ends, so a copied request or a HAR file leaks the account.

export const GitlabSessionCookie: FormatRule = {
  id: "gitlab-session-cookie",
  description: "a GitLab session cookie",
  keywords: ["_gitlab_session="],
  pattern: /_gitlab_session=([0-9a-z]{32})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.gitlab.com/user/profile/#cookies-used-for-sign-in",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/gitlab.go",
  ],
};
