import type { Reference } from "../../policies/rule";

// The findings a plan of a live zone adds to the gate. They are not CrossGuard rules: they judge
// the planned resources against the zone as it exists, which `pulumi preview` never sees. The
// catalogue lists them with the pack's rules, as kind "zone".

type Level = "mandatory" | "advisory";

export interface ZoneRule {
  readonly id: string;
  readonly severity: "low" | "medium" | "high" | "critical";
  readonly description: string;
  readonly remediation: string;
  readonly references: readonly Reference[];
  readonly runbook: string;
  readonly levels: Readonly<Record<"prod" | "staging" | "dev", Level>>;
}

const API8: Reference = { standard: "OWASP API Security Top 10 2023", id: "API8:2023", title: "Security Misconfiguration", url: "https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/" };
const everywhere = { prod: "mandatory", staging: "mandatory", dev: "mandatory" } as const;
const strictAbove = { prod: "mandatory", staging: "mandatory", dev: "advisory" } as const;

export const ZONE_RULES = {
  recordConflict: {
    id: "zone-record-conflict",
    severity: "high",
    description: "A planned DNS record must not collide with one the zone already has: Cloudflare refuses a CNAME beside any other record at a name, and an identical duplicate.",
    remediation: "Delete or rename the existing record in the dashboard (after checking what uses it), or give the plan the API's JSON export so an identical record is adopted by import.",
    references: [API8, { standard: "RFC", id: "RFC 1034 3.6.2", title: "CNAME and other data", url: "https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2" }],
    runbook: "existing-zone-conflict",
    levels: everywhere,
  },
  secondSpfOrDmarc: {
    id: "zone-second-spf-or-dmarc",
    severity: "high",
    description: "A name may hold one SPF record and one DMARC record. Cloudflare accepts a second TXT, so the old record would stay beside the planned one and SPF or DMARC would fail for every message.",
    remediation: "List every sender of the old record under launch-baseline:email senders, then delete the old record (or adopt it from the JSON export) before pulumi up.",
    references: [API8, { standard: "RFC", id: "RFC 7208 3.2", title: "Multiple DNS records", url: "https://www.rfc-editor.org/rfc/rfc7208#section-3.2" }, { standard: "RFC", id: "RFC 7489 6.6.3", title: "Policy discovery", url: "https://www.rfc-editor.org/rfc/rfc7489#section-6.6.3" }],
    runbook: "email-deliverability",
    levels: everywhere,
  },
  rulesetExists: {
    id: "zone-ruleset-exists",
    severity: "medium",
    description: "A zone has one entrypoint ruleset per phase. Where the dashboard already made one for a phase the stack manages, it is adopted by import and its rules are replaced by the stack's.",
    remediation: "Review the existing rules in the dashboard; move any you still need into the stack's config before pulumi up replaces them.",
    references: [API8, { standard: "Vendor", id: "Cloudflare Rulesets", title: "Entry point rulesets", url: "https://developers.cloudflare.com/ruleset-engine/about/rulesets/#entry-point-ruleset" }],
    runbook: "existing-zone-conflict",
    levels: { prod: "advisory", staging: "advisory", dev: "advisory" },
  },
  unlistedMx: {
    id: "zone-unlisted-mx",
    severity: "high",
    description: "Existing MX records the config does not list would stay beside the planned ones: the zone's mail would be split between the old and the new mail hosts.",
    remediation: "Add the mail host under launch-baseline:email mx if it still receives mail, or delete the old MX record once the mailboxes have moved.",
    references: [API8, { standard: "RFC", id: "RFC 5321 5.1", title: "Locating the target host", url: "https://www.rfc-editor.org/rfc/rfc5321#section-5.1" }],
    runbook: "email-deliverability",
    levels: strictAbove,
  },
  unlistedSender: {
    id: "zone-unlisted-sender",
    severity: "high",
    description: "SPF mechanisms and DKIM selectors in the zone that belong to senders the config does not list: their mail would start failing SPF once the planned record replaces the old one, and DMARC at enforcement.",
    remediation: "Add the sender under launch-baseline:email senders (a provider profile, or custom with its include and DKIM), or confirm it no longer sends and remove its DKIM record.",
    references: [API8, { standard: "RFC", id: "RFC 7489 10.1", title: "DMARC and unlisted senders", url: "https://www.rfc-editor.org/rfc/rfc7489#section-10.1" }],
    runbook: "email-deliverability",
    levels: strictAbove,
  },
  originExposed: {
    id: "zone-origin-exposed",
    severity: "high",
    description: "An unproxied record that points at a proxied host's origin publishes the origin's address and lets traffic reach it around the edge (WAF, rate limits, TLS settings).",
    remediation: "Delete the record, or proxy it; then rotate the origin's address if it was public for long.",
    references: [API8, { standard: "Vendor", id: "Cloudflare origin protection", title: "Protect your origin server", url: "https://developers.cloudflare.com/fundamentals/security/protect-your-origin-server/" }],
    runbook: "origin-exposed",
    levels: strictAbove,
  },
} as const satisfies Record<string, ZoneRule>;
