import * as aws from "@pulumi/aws";
import { AbuseProtection } from "./components/abuse-protection";
import { CachePrivacy } from "./components/cache-privacy";
import { EdgeSecurity } from "./components/edge-security";
import { EmailAuthentication } from "./components/email-authentication";
import { OriginLockdown } from "./components/origin-lockdown";
import { RuntimeEnvironment } from "./components/runtime-environment";
import { SecretStore } from "./components/secret-store";
import { SecurityLogging } from "./components/security-logging";
import { UptimeMonitoring } from "./components/uptime-monitoring";
import { DEFAULT_ENDPOINTS } from "./lib/edge/rate-limits";
import { PROJECT } from "./lib/config/keys";
import { loadConfig, secretValues } from "./lib/config/load";
import { adoptExisting } from "./lib/zone/adopt";
import { MIN_LOG_RETENTION_DAYS, TRAIL_EXPIRATION_DAYS } from "./lib/config/logging-schema";
import { envPath, pathEnvironment } from "./lib/naming";
import { DKIM_PRIVATE_KEY_SECRET, GENERATED_SECRETS } from "./lib/secrets/generated";

// Validated before any resource is declared: a bad stack fails here with every problem listed.
const config = loadConfig();

// An existing zone (plan --existing-zone --write-adopt): each named record or ruleset imports the
// one that already exists instead of colliding with it. The SDK-side transformation is used
// because it applies the same way under the real engine and the offline plan's mock engine,
// which has no callback server for registerResourceTransform.
adoptExisting(config.adopt);

// AWS providers pinned to the environment's account (a run with another account's credentials
// refuses to do anything) and tagging everything they create.
const pinnedAws = (name: string, region: string) =>
  new aws.Provider(name, {
    region: region as aws.Region,
    allowedAccountIds: [config.awsAccountId],
    defaultTags: { tags: { project: PROJECT, environment: config.environment, "managed-by": "pulumi", owner: config.owner } },
  });
const awsProvider = pinnedAws("aws", config.awsRegion);
// Route 53 health check metrics exist only in us-east-1: alarms and their topics live there.
const awsUsEast1 = pinnedAws("aws-us-east-1", "us-east-1");

const edge = new EdgeSecurity("edge", {
  zoneId: config.cloudflareZoneId,
  zoneName: config.domain,
  hosts: config.hosts,
  canonicalRedirect: config.canonicalRedirect,
  minTlsVersion: config.minTlsVersion,
  hsts: config.hsts,
  caa: config.caa,
  dnssec: config.dnssec,
});

// Only the edge may reach the origins: a client certificate they can demand, and security groups
// open to Cloudflare's ranges alone.
const origins = new OriginLockdown(
  "origin",
  { environment: config.environment, zoneId: config.cloudflareZoneId, authenticatedOriginPulls: config.originLockdown.authenticatedOriginPulls, securityGroupIds: config.originLockdown.securityGroupIds },
  { providers: { aws: awsProvider } },
);

const email = new EmailAuthentication(
  "email",
  { zoneId: config.cloudflareZoneId, accountId: config.cloudflareAccountId, environment: config.environment, plan: config.emailPlan },
  { providers: { aws: awsProvider } },
);

new AbuseProtection("abuse", {
  zoneId: config.cloudflareZoneId,
  plan: config.cloudflarePlan,
  // On plans without method matching the rules match paths alone.
  endpoints: config.rateLimits.endpoints ?? DEFAULT_ENDPOINTS,
  period: config.rateLimits.period,
});

// One user's responses are never stored at the edge for the next visitor.
new CachePrivacy("cache", { zoneId: config.cloudflareZoneId });

const provided = secretValues();
const store = new SecretStore(
  "secrets",
  {
    environment: config.environment,
    accountId: config.awsAccountId,
    region: config.awsRegion,
    appRoleName: config.secrets.appRoleName,
    breakGlassRoleName: config.secrets.breakGlassRoleName,
    deployRoleName: config.secrets.deployRoleName,
    recoveryWindowDays: config.secrets.recoveryWindowDays,
    generated: GENERATED_SECRETS,
    provided: {
      ...Object.fromEntries(config.secrets.external.map((n) => [n, { value: provided.apply((v) => v[n]), description: `External secret ${n}, set with pulumi config set --secret` }])),
      ...(email.dkimPrivateKeyPem ? { [DKIM_PRIVATE_KEY_SECRET]: { value: email.dkimPrivateKeyPem, description: "Private half of the self-managed DKIM key" } } : {}),
    },
    rotation: config.secrets.rotation,
  },
  { providers: { aws: awsProvider } },
);

new RuntimeEnvironment(
  "runtime",
  {
    environment: config.environment,
    settings: config.runtime.settings,
    // A reference is a stored secret's name, or a path of this environment's (checked in config).
    secretArns: Object.fromEntries(
      Object.entries(config.runtime.secrets).map(([envVar, ref]) => {
        const name = pathEnvironment(ref) ? ref.slice(envPath(config.environment, "").length) : ref;
        return [envVar, store.arns[name]];
      }),
    ),
  },
  { providers: { aws: awsProvider } },
);

const route = (r: { emails: string[]; webhooks: string[] }) => ({ emails: r.emails, webhookUrls: r.webhooks.map((w) => provided.apply((v) => v[w])) });
const uptime = new UptimeMonitoring(
  "uptime",
  {
    environment: config.environment,
    awsAccountId: config.awsAccountId,
    cloudflareAccountId: config.cloudflareAccountId,
    zoneId: config.cloudflareZoneId,
    cloudflarePlan: config.cloudflarePlan,
    checks: config.uptime.checks,
    regions: config.uptime.regions,
    critical: route(config.alerts.critical),
    warning: route(config.alerts.warning),
  },
  { providers: { aws: awsUsEast1 } },
);

// The audit trail, its CIS alarms and the app's security log live beside the alert topics:
// an alarm can notify only topics in its own region.
const logging = new SecurityLogging(
  "logging",
  {
    environment: config.environment,
    awsAccountId: config.awsAccountId,
    region: "us-east-1",
    cloudflareAccountId: config.cloudflareAccountId,
    zoneId: config.cloudflareZoneId,
    cloudflarePlan: config.cloudflarePlan,
    alertTopics: { critical: uptime.topics.critical.arn, warning: uptime.topics.warning.arn },
    cloudflareMechanisms: uptime.cloudflareMechanisms,
    existingTrail: config.logging.existingTrail,
    retentionDays: config.logging.retentionDays ?? MIN_LOG_RETENTION_DAYS[config.environment],
    trailExpirationDays: config.logging.trailExpirationDays ?? TRAIL_EXPIRATION_DAYS[config.environment],
    ssoTolerantMfaAlarm: config.logging.ssoTolerantMfaAlarm,
    logpush: config.logging.logpush,
  },
  { providers: { aws: awsUsEast1 } },
);

export const environment = config.environment;
export const zone = config.domain;
export const publicUrls = config.hosts.map((h) => `https://${h.hostname}/`);
/** Give this DS record to the registrar to complete DNSSEC. */
export const dsRecord = edge.dsRecord;
/** Records other domains must publish to accept this zone's DMARC reports. */
export const dmarcReportAuthorizations = email.reportAuthorizations;
/** The CA whose client certificate Cloudflare presents: origins require it (docs/infrastructure.md, Origin lockdown). */
export const originPullCa = origins.originPullCaPem;
/** Where each secret lives: names and ARNs only. */
export const secretArns = store.arns;
export const secretsKeyArn = store.key.arn;
/** Where alerts go: the topics each alarm notifies. */
/** Where security events are kept: the trail's log group and the app's security log (us-east-1). */
export const securityLogs = { trail: logging.trailLogGroupName, app: logging.appLogGroup.name };
export const alertTopics = { critical: uptime.topics.critical.arn, warning: uptime.topics.warning.arn };
