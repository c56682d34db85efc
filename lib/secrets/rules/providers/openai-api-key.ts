import type { FormatRule } from "../types";

// OpenAI API keys, the user, project (`sk-proj-`), service-account (`sk-svcacct-`) and admin
// (`sk-admin-`) kinds alike: random characters around the `T3BlbkFJ` marker ("OpenAI" in base64).
// A value without the marker is refused, so `sk-` plus filler in documentation is not a finding.

export const OpenaiApiKey: FormatRule = {
  id: "openai-api-key",
  description: "an OpenAI API key",
  keywords: ["t3blbkfj"],
  pattern: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://platform.openai.com/docs/api-reference/authentication",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/openai.go",
  ],
};
