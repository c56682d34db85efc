import type { FormatRule } from "../types";

// Twitch stream keys: `live_`, the channel's numeric id, `_`, 30 characters. Whoever has one can broadcast as the channel.

export const TwitchStreamKey: FormatRule = {
  id: "twitch-stream-key",
  description: "a Twitch stream key",
  keywords: ["live_"],
  pattern: /\b(live_\d{6,12}_[A-Za-z0-9]{30})\b/,
  minEntropy: 3,
  sources: [
    "https://help.twitch.tv/s/article/twitch-stream-key-faq",
  ],
};
