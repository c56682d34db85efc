import type { FormatRule } from "./types";

// Chat, paging and webhooks: Slack (every token type Slack documents), Teams and Power Automate
// webhook URLs, Discord, Telegram, Twilio, PagerDuty. A webhook URL is a credential: whoever has it
// can post as the integration.

const HEX_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const MESSAGING_FORMATS: readonly FormatRule[] = [
  { id: "slack-bot-token", description: "a Slack bot token", keywords: ["xoxb-"], pattern: /\b(xoxb-\d{8,13}-\d{8,13}-[A-Za-z0-9]{20,34}|xoxb-\d{8,14}-[A-Za-z0-9]{18,26})\b/, minEntropy: 3 },
  { id: "slack-user-token", description: "a Slack user token", keywords: ["xoxp-", "xoxe-"], pattern: /\b(xox[pe](?:-\d{8,13}){3}-[A-Za-z0-9]{28,34})\b/, minEntropy: 3 },
  { id: "slack-app-token", description: "a Slack app-level token", keywords: ["xapp-"], pattern: /\b(xapp-\d-[A-Z0-9]{8,12}-\d{8,13}-[a-z0-9]{32,64})\b/i, minEntropy: 3 },
  { id: "slack-refresh-token", description: "a Slack refresh or configuration token", keywords: ["xoxe"], pattern: /\b(xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{140,170})\b/, minEntropy: 3 },
  { id: "slack-legacy-token", description: "a Slack legacy token", keywords: ["xoxo-", "xoxs-", "xoxa-", "xoxr-"], pattern: /\b(xox[os]-\d+-\d+-\d+-[a-fA-F0-9]{16,}|xox[ar]-(?:\d-)?[0-9A-Za-z]{8,48})\b/, minEntropy: 3 },
  { id: "slack-webhook", description: "a Slack webhook URL", keywords: ["hooks.slack.com"], pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/[A-Za-z0-9]{16,})/, minEntropy: 3 },
  { id: "teams-webhook", description: "a Microsoft Teams webhook URL", keywords: ["webhook.office.com", "outlook.office.com"], pattern: new RegExp(`https://(?:[a-z0-9-]+\\.)?(?:webhook|outlook)\\.office\\.com/webhook(?:b2)?/(${HEX_UUID}@${HEX_UUID}/IncomingWebhook/[0-9a-f]{32}/${HEX_UUID})`, "i"), minEntropy: 3 },
  { id: "power-automate-webhook", description: "a Power Automate or Logic Apps trigger URL with its signature", keywords: ["logic.azure.com", "powerplatform.com"], pattern: /https:\/\/[a-z0-9.-]+\.(?:logic\.azure\.com|api\.powerplatform\.com)(?::443)?\/[^\s"'<>]*?workflows\/[0-9a-f]{32}\/triggers\/[^\s"'<>]*?[?&]sig=([A-Za-z0-9_%-]{40,})/i, minEntropy: 3.5 },
  { id: "discord-webhook", description: "a Discord webhook URL", keywords: ["/api/webhooks/"], pattern: /discord(?:app)?\.com\/api\/webhooks\/\d+\/([A-Za-z0-9_-]{60,})/, minEntropy: 3 },
  { id: "telegram-bot-token", description: "a Telegram bot token", keywords: [":aa"], pattern: /\b(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/, minEntropy: 3 },
  { id: "twilio-api-key", description: "a Twilio API key", keywords: [..."0123456789abcdef"].map((h) => `sk${h}`), pattern: /\b(SK[0-9a-f]{32})\b/, minEntropy: 3 },
  { id: "pagerduty-integration-url", description: "a PagerDuty integration URL", keywords: ["events.pagerduty.com"], pattern: /events\.pagerduty\.com\/integration\/([0-9a-f]{32})\//, minEntropy: 2.5 },
];
