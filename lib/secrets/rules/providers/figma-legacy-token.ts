import type { NamedRule } from "../types";

// Figma personal access tokens before `figd_`: digits, `-`, a UUID, proof under a Figma name.

export const FigmaLegacyToken: NamedRule = {
  id: "figma-legacy-token",
  description: "a Figma personal access token",
  name: /figma/i,
  value: /^\d{3,6}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  minEntropy: 3,
  sources: [
    "https://www.figma.com/developers/api#access-tokens",
  ],
};
