// What is known of each sending provider: the SPF include it asks for and the DNS lookups that
// include costs when followed (as the provider published it at the time of writing; verify
// counts the live value), the envelope (Return-Path) name it sends from, and how it signs.

export const PROVIDERS = ["amazon-ses", "google-workspace", "sendgrid", "postmark", "mailgun", "resend", "custom"] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export interface ProviderProfile {
  readonly id: Exclude<ProviderId, "custom">;
  readonly title: string;
  readonly spfInclude: string;
  /** Lookups counted recursively: the include itself plus the ones inside it. */
  readonly spfLookups: number;
  /**
   * Label (under the zone) of the envelope domain SPF is checked against; "" is the apex.
   * SES and Resend bounce through a subdomain of their own.
   */
  readonly envelopeLabel: string;
  /** How DKIM is set up: Easy DKIM tokens, or a key/CNAMEs the provider's console gives you. */
  readonly dkim: "ses-easy-dkim" | "txt-key" | "cnames";
  /** MX for the envelope subdomain, where the provider receives bounces. */
  readonly envelopeMx?: (region: string) => string;
}

export const PROFILES: Readonly<Record<Exclude<ProviderId, "custom">, ProviderProfile>> = {
  "amazon-ses": { id: "amazon-ses", title: "Amazon SES", spfInclude: "amazonses.com", spfLookups: 1, envelopeLabel: "mail", dkim: "ses-easy-dkim", envelopeMx: (region) => `feedback-smtp.${region}.amazonses.com` },
  "google-workspace": { id: "google-workspace", title: "Google Workspace", spfInclude: "_spf.google.com", spfLookups: 4, envelopeLabel: "", dkim: "txt-key" },
  sendgrid: { id: "sendgrid", title: "SendGrid", spfInclude: "sendgrid.net", spfLookups: 1, envelopeLabel: "", dkim: "cnames" },
  postmark: { id: "postmark", title: "Postmark", spfInclude: "spf.mtasv.net", spfLookups: 1, envelopeLabel: "", dkim: "txt-key" },
  mailgun: { id: "mailgun", title: "Mailgun", spfInclude: "mailgun.org", spfLookups: 2, envelopeLabel: "", dkim: "txt-key" },
  resend: { id: "resend", title: "Resend", spfInclude: "amazonses.com", spfLookups: 1, envelopeLabel: "send", dkim: "txt-key", envelopeMx: () => "feedback-smtp.us-east-1.amazonses.com" },
};
