import type { FormatRule } from "../types";

// Mapbox secret tokens are `sk.` and a JWT-like body; public `pk.` tokens are meant to be shipped.

export const MapboxSecretToken: FormatRule = {
  id: "mapbox-secret-token",
  description: "a Mapbox secret token",
  keywords: ["sk.eyj"],
  pattern: /\b(sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})/,
  minEntropy: 3,
  sources: [
    "https://docs.mapbox.com/accounts/guides/tokens/",
  ],
};
