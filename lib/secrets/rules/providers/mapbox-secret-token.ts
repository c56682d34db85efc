import type { FormatRule } from "../types";

// Mapbox secret (`sk.`) and temporary (`tk.`) tokens: a JWT-like body. Public `pk.` tokens are meant to be shipped.

export const MapboxSecretToken: FormatRule = {
  id: "mapbox-secret-token",
  description: "a Mapbox secret token",
  keywords: ["sk.eyj", "tk.eyj"],
  pattern: /\b([st]k\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})/,
  minEntropy: 3,
  sources: [
    "https://docs.mapbox.com/accounts/guides/tokens/",
  ],
};
