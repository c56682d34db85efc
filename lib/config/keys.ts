// Every configuration key the program reads, described once. Pulumi.yaml's template.config,
// the table in docs/configuration.md and the error messages' fix hints are all checked against this list.

export const PROJECT = "launch-baseline";

export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const CLOUDFLARE_PLANS = ["free", "pro", "business", "enterprise"] as const;
export type CloudflarePlan = (typeof CLOUDFLARE_PLANS)[number];

export interface ConfigKey {
  /** Full key as `pulumi config set` takes it. */
  readonly key: string;
  readonly description: string;
  /** What the value looks like, used in fix hints (`pulumi config set KEY EXAMPLE`). */
  readonly example: string;
  /** Human-readable default; undefined means required. */
  readonly default?: string;
  /** Structured keys are edited in the stack file (or with `pulumi config set --path`). */
  readonly structured?: boolean;
  /** A true/false value. */
  readonly boolean?: boolean;
  /** Must be set with `pulumi config set --secret`. */
  readonly secret?: boolean;
  /** Not needed offline; required by the real deploy. */
  readonly deployOnly?: boolean;
}

const p = (name: string) => `${PROJECT}:${name}`;

export const CONFIG_KEYS: readonly ConfigKey[] = [
  { key: p("environment"), description: "Which environment this stack is: dev, staging or prod. Selects the per-environment defaults and policy strictness.", example: "prod" },
  { key: p("owner"), description: "Team that owns and is paged for this stack; becomes the owner tag.", example: "platform-team" },
  { key: p("domain"), description: "The Cloudflare zone this environment serves (its apex).", example: "example.com" },
  { key: p("cloudflareAccountId"), description: "Cloudflare account id of this environment (32 hex characters).", example: "0123456789abcdef0123456789abcdef" },
  { key: p("cloudflareZoneId"), description: "Cloudflare zone id of `domain` (32 hex characters).", example: "fedcba9876543210fedcba9876543210" },
  { key: p("cloudflarePlan"), description: "The zone's Cloudflare plan: free, pro, business or enterprise. Decides which protections the plan can express.", example: "business" },
  { key: p("awsAccountId"), description: "AWS account of this environment (12 digits); the AWS provider refuses any other.", example: "123456789012" },
  { key: p("awsRegion"), description: "AWS region of this environment's resources.", example: "eu-west-1" },
  { key: p("hosts"), description: "Public hosts and the origin each is proxied to: a list of `{hostname, origin}`; origin is a host name (CNAME) or an IP address (A/AAAA).", example: "[{hostname: app.example.com, origin: web.example.net}]", structured: true },
  { key: p("canonicalRedirect"), description: "Optional permanent redirect of alias hosts to the canonical host, as one redirect rule: `{from: [www.example.com], to: example.com}`.", example: "{from: [www.example.com], to: example.com}", default: "none", structured: true },
  { key: p("minTlsVersion"), description: "Lowest TLS version the edge accepts: 1.2 or 1.3.", example: "1.2", default: "1.2" },
  { key: p("hsts"), description: "HSTS: `{maxAgeSeconds, includeSubdomains, preload}`. includeSubdomains and preload are opt-in because they are hard to undo; preload needs includeSubdomains and a year.", example: "{maxAgeSeconds: 31536000}", default: "prod 31536000 s, staging 86400 s, dev 3600 s; includeSubdomains and preload false", structured: true },
  { key: p("caa"), description: "CAA: `{issuers, iodef}`. Only these CAs may issue certificates for the zone (issuers default to Cloudflare's: letsencrypt.org, pki.goog, ssl.com); iodef, required, is where CAs report refused requests (mailto: or https:).", example: "{iodef: mailto:security@example.com}", structured: true },
  { key: p("dnssec"), description: "Sign the zone with DNSSEC; the DS record to give the registrar is the `dsRecord` output.", example: "true", default: "true", boolean: true },
  { key: p("email"), description: "Email authentication: `{senders, selfManagedDkim, spfAll, dmarc, mx, mtaSts, tlsRpt}`. senders are provider profiles (amazon-ses, google-workspace, sendgrid, postmark, mailgun, resend) or custom ones; SPF gets one record per sending name, at most 10 lookups. DMARC defaults: dev none, staging quarantine, prod reject; a staged rollout sets dmarc policy none (or quarantine with pct) and enforceBy (YYYY-MM-DD), which the gate accepts until that date. With mx set, MTA-STS (enforce in prod, testing elsewhere) and TLS-RPT are published.", example: "{senders: [{provider: amazon-ses}], dmarc: {rua: [mailto:dmarc@example.com]}}", default: "none: the zone sends no mail (v=spf1 -all, DMARC p=reject)", structured: true },
  { key: p("secrets"), description: "The secret store: `{appRoleName, breakGlassRoleName, deployRoleName, recoveryWindowDays, external, rotation}`. Only the three roles may read; external lists secrets whose values you set in secretValues; rotation maps a secret to `{lambdaArn, days}` (at most 90).", example: "{appRoleName: community-app, breakGlassRoleName: break-glass, deployRoleName: pulumi-deploy, external: [smtp-password]}", structured: true },
  { key: p("secretValues"), description: "Values of the external secrets, one entry each: `pulumi config set --secret --path 'launch-baseline:secretValues.smtp-password'`. The offline plan uses placeholders for unset ones.", example: "<set each with --secret --path>", secret: true, structured: true, deployOnly: true },
  { key: p("runtime"), description: "The app's runtime environment: `{settings, secrets}`. settings become SSM String parameters under /launch-baseline/<env>/; secrets map an environment variable to a stored secret, published by ARN, never by value. Staging and prod refuse debug flags and NODE_ENV other than production.", example: "{settings: {NODE_ENV: production}, secrets: {JWT_SIGNING_KEY: jwt-signing-key}}", default: "NODE_ENV production in staging and prod, development in dev", structured: true },
  { key: p("rateLimits"), description: "Rate limiting at the edge: `{period, endpoints: [{name, path, method, class, perMinute, rule}]}`. Endpoints are packed into the rules the Cloudflare plan allows, auth stricter than content; method matching needs business or enterprise.", example: "{endpoints: [{name: login, path: /api/auth/login, class: auth, perMinute: 10}]}", default: "login, signup, password reset, invites, search, uploads, messages; period 10 s on free, 60 s otherwise", structured: true },
  { key: p("uptime"), description: "Route 53 HTTPS health checks: `{checks: [{name, url, match}], regions}`: each URL on one of the stack's hosts, its body must contain match; checked from at least three regions.", example: "{checks: [{name: api-health, url: https://api.example.com/health, match: ok}]}", structured: true },
  { key: p("alerts"), description: "Who is paged: `{critical: {emails, webhooks}, warning: {emails, webhooks}}`. webhooks name external secrets holding https:// URLs (PagerDuty, incident tools), so the URLs stay secret.", example: "{critical: {emails: [oncall@example.com]}, warning: {emails: [team@example.com]}}", structured: true },
  { key: p("logging"), description: "Security-event logging: `{existingTrail: {arn, logGroupName}, retentionDays, trailExpirationDays, ssoTolerantMfaAlarm, logpush: {destination, ownershipChallenge}}`. Without existingTrail the stack creates a multi-region CloudTrail trail (KMS, log file validation, CloudWatch Logs, private bucket); the CIS alarms watch whichever trail it is. retentionDays applies to the trail's log group and the app's security log (at least 365 in prod). logpush pushes Cloudflare firewall events (Enterprise).", example: "{retentionDays: 365}", default: "a new trail; retention prod 365, staging 90, dev 30 days; trail objects expire after prod 2557, staging 365, dev 90 days; no SSO-tolerant alarm; no Logpush", structured: true },
  { key: p("corsOrigins"), description: "The origins the app allows for CORS (https://, scheme and host only). verify's cors.origin-variants tries the near misses of each against the app.", example: "[https://app.example.com]", default: "none: verify takes the app's own origin", structured: true },
  { key: p("originLockdown"), description: "How origins accept only Cloudflare: `{authenticatedOriginPulls, securityGroupIds}`. Authenticated Origin Pulls present the stack's own client certificate (its CA is the originPullCa output, for the origin to require); securityGroupIds get HTTPS ingress from Cloudflare's published ranges only.", example: "{securityGroupIds: [sg-0a1b2c3d4e5f60718]}", default: "Authenticated Origin Pulls on; no security groups", structured: true },
  { key: p("adopt"), description: "Records and rulesets that already exist in the zone, imported instead of created: `{<resource name>: <import id>}`, written by `plan --existing-zone <export> --write-adopt`. Run pulumi up once with it, then remove it.", example: "{edge-host-www: 9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b/372e67954025e0ba6aaa6d586b9e0b59}", default: "none: every resource is created", structured: true },
  { key: "cloudflare:apiToken", description: "Cloudflare API token for the provider. Secret: set it with `pulumi config set --secret` (or the CLOUDFLARE_API_TOKEN variable).", example: "<token>", secret: true, deployOnly: true },
];

export function configKey(key: string): ConfigKey | undefined {
  return CONFIG_KEYS.find((k) => k.key === key);
}
