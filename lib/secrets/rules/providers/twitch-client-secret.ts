import type { NamedRule } from "../types";

// Twitch client secrets and OAuth tokens are 30 lower-case letters and digits: proof under a Twitch name.

export const TwitchClientSecret: NamedRule = {
  id: "twitch-secret",
  description: "a Twitch client secret or OAuth token",
  name: /twitch/i,
  value: /^(?:oauth:)?[a-z0-9]{30}$/,
  minEntropy: 3.5,
  wordsByChance: true,
  sources: [
    "https://dev.twitch.tv/docs/authentication/",
  ],
};
