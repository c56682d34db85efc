import type { FormatRule } from "../types";

// Pixie (New Relic's Kubernetes observability) API keys and deploy keys: `px-api-` or `px-dep-`
// and a UUID.

export const PixieKey: FormatRule = {
  id: "pixie-key",
  description: "a Pixie API or deploy key",
  keywords: ["px-api-", "px-dep-"],
  pattern: /\b(px-(?:api|dep)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/,
  minEntropy: 3,
  sources: [
    "https://docs.px.dev/reference/admin/api-keys/",
    "https://docs.px.dev/reference/admin/deploy-keys/",
  ],
};
