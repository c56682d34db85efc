import { isFiller } from "../../filler";
import { entropy, type FormatRule } from "../types";

// X (Twitter) app-only bearer tokens: 22 `A`s, then 80 to 100 characters of letters, digits and
// URL escapes (%2B, %3D). The run of `A`s is the format, so the filler test reads only the rest,
// with the shorter runs of `A` the tokens also hold folded.

const randomTail = (token: string) => {
  const tail = token.slice(22).replace(/A{4,}/g, "A");
  return !isFiller(tail) && entropy(tail) >= 4;
};

export const TwitterBearerToken: FormatRule = {
  id: "twitter-bearer-token",
  description: "an X (Twitter) app-only bearer token",
  keywords: ["aaaaaaaaaaaaaaaaaaaaaa"],
  pattern: /(?<![A-Za-z0-9%])(A{22}[A-Za-z0-9%]{80,100})(?![A-Za-z0-9%])/,
  marker: true,
  confirm: randomTail,
  sources: [
    "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/twitter.go",
  ],
};
