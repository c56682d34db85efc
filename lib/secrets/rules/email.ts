import type { FormatRule, NamedRule } from "./types";

// Sending providers: the keys that let anyone send mail as the domain (password resets, invites).

export const EMAIL_FORMATS: readonly FormatRule[] = [
  { id: "sendgrid-api-key", description: "a SendGrid API key", keywords: ["sg."], pattern: /\b(SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64})(?![A-Za-z0-9_-])/, minEntropy: 3 },
  { id: "mailgun-api-key", description: "a Mailgun private API key", keywords: ["key-"], pattern: /\b(key-[0-9a-f]{32})\b/, minEntropy: 3 },
  { id: "mailchimp-api-key", description: "a Mailchimp API key", keywords: ["-us"], pattern: /-us\d{1,2}\b(?<=\b([0-9a-f]{32}-us\d{1,2}))/, minEntropy: 3 }, // anchored on "-us", the hex read behind it
  { id: "brevo-api-key", description: "a Brevo (Sendinblue) API or SMTP key", keywords: ["xkeysib-", "xsmtpsib-"], pattern: /\b(x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/, minEntropy: 3 },
];

export const EMAIL_NAMED: readonly NamedRule[] = [
  // Mailgun's newer keys and its webhook signing key share one shape: hex32-hex8-hex8.
  { id: "mailgun-key", description: "a Mailgun API or webhook signing key", name: /mailgun/i, value: /^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$/, minEntropy: 3 },
  { id: "postmark-token", description: "a Postmark server or account token", name: /postmark/i, value: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
];
