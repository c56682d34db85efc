import type { FormatRule } from "../types";

// Zapier catch-hook URLs: hooks.zapier.com/hooks/catch/, the account's number and the hook's
// random id. As with Slack's, whoever has the URL can start the Zap with any payload.

export const ZapierWebhookUrl: FormatRule = {
  id: "zapier-webhook-url",
  description: "a Zapier webhook URL",
  keywords: ["hooks.zapier.com"],
  // The hook's id is what is random (the account number is not): the filler test reads it alone.
  pattern: /hooks\.zapier\.com\/hooks\/catch\/\d{4,12}\/([A-Za-z0-9]{6,12})\b/,
  sources: [
    "https://help.zapier.com/hc/en-us/articles/8496288690317-Trigger-Zaps-from-webhooks",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/zapierwebhook",
  ],
};
