import type { FormatRule } from "../types";

// PostHog personal API keys (`phx_`); project keys (`phc_`) are public by design.

export const PosthogPersonalKey: FormatRule = {
  id: "posthog-personal-key",
  description: "a PostHog personal API key",
  keywords: ["phx_"],
  pattern: /\b(phx_[A-Za-z0-9]{43})\b/,
  minEntropy: 3,
  sources: [
    "https://posthog.com/docs/api#private-endpoint-authentication",
  ],
};
