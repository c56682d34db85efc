import type { FormatRule } from "../types";

// Frame.io developer tokens: `fio-u-` and 64 characters.

export const FrameioToken: FormatRule = {
  id: "frameio-token",
  description: "a Frame.io developer token",
  keywords: ["fio-u-"],
  pattern: /\b(fio-u-[A-Za-z0-9_=-]{64})(?![A-Za-z0-9_=-])/,
  minEntropy: 3.5,
  sources: [
    "https://developer.frame.io/docs/getting-started/authentication",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (frameio-api-token)",
  ],
};
