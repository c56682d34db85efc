import type { FormatRule } from "../types";

// Defined Networking API tokens: `dnkey-`, 26 characters, a dash and 52 more.

export const DefinedNetworkingApiToken: FormatRule = {
  id: "defined-networking-api-token",
  description: "a Defined Networking (Managed Nebula) API token",
  keywords: ["dnkey-"],
  pattern: /\b(dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52})(?![a-z0-9=_-])/i,
  minEntropy: 3,
  sources: [
    "https://docs.defined.net/guides/automating-host-creation/",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (defined-networking-api-token)",
  ],
};
