import type { FormatRule } from "../types";

// Tailscale auth, API, OAuth client, SCIM and webhook keys: `tskey-<kind>-<id>-<secret>`.

export const TailscaleKey: FormatRule = {
  id: "tailscale-key",
  description: "a Tailscale key",
  keywords: ["tskey-"],
  pattern: /\b(tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,})\b/,
  minEntropy: 3,
  sources: [
    "https://tailscale.com/kb/1085/auth-keys",
    "https://tailscale.com/kb/1215/oauth-clients",
  ],
};
