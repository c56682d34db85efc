import * as aws from "@pulumi/aws";
import { EdgeSecurity } from "./components/edge-security";
import { EmailAuthentication } from "./components/email-authentication";
import { loadConfig } from "./lib/config/load";
import { PROJECT } from "./lib/config/keys";

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

export const environment = config.environment;
export const zone = config.domain;
export const publicUrls = config.hosts.map((h) => `https://${h.hostname}/`);
/** Give this DS record to the registrar to complete DNSSEC. */
export const dsRecord = edge.dsRecord;
/** Records other domains must publish to accept this zone's DMARC reports. */
export const dmarcReportAuthorizations = email.reportAuthorizations;
