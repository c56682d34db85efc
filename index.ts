import * as aws from "@pulumi/aws";
import { EdgeSecurity } from "./components/edge-security";
import { EmailAuthentication } from "./components/email-authentication";
import { RuntimeEnvironment } from "./components/runtime-environment";
import { SecretStore } from "./components/secret-store";
import { PROJECT } from "./lib/config/keys";
import { loadConfig, secretValues } from "./lib/config/load";
import { envPath, pathEnvironment } from "./lib/naming";
import { DKIM_PRIVATE_KEY_SECRET, GENERATED_SECRETS } from "./lib/secrets/generated";

// Validated before any resource is declared: a bad stack fails here with every problem listed.
const config = loadConfig();

// One AWS provider per stack, pinned to the environment's account: a stack run with another
// account's credentials refuses to do anything.
const awsProvider = new aws.Provider("aws", {
  region: config.awsRegion as aws.Region,
  allowedAccountIds: [config.awsAccountId],
  defaultTags: { tags: { project: PROJECT, environment: config.environment, "managed-by": "pulumi", owner: config.owner } },
});

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

const email = new EmailAuthentication(
  "email",
  { zoneId: config.cloudflareZoneId, accountId: config.cloudflareAccountId, environment: config.environment, plan: config.emailPlan },
  { providers: { aws: awsProvider } },
);

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

export const environment = config.environment;
export const zone = config.domain;
export const publicUrls = config.hosts.map((h) => `https://${h.hostname}/`);
/** Give this DS record to the registrar to complete DNSSEC. */
export const dsRecord = edge.dsRecord;
/** Records other domains must publish to accept this zone's DMARC reports. */
export const dmarcReportAuthorizations = email.reportAuthorizations;
/** Where each secret lives: names and ARNs only. */
export const secretArns = store.arns;
export const secretsKeyArn = store.key.arn;
