import type { LaunchPolicy } from "./rule";
import { withSuppressions } from "./suppressions";
import { withConfigDefaults } from "./config-defaults";
import { dnsDkimKeyStrength } from "./rules/dns-dkim-key-strength";
import { dnsDmarcValid } from "./rules/dns-dmarc-valid";
import { dnsMailRecordsNotProxied } from "./rules/dns-mail-records-not-proxied";
import { dnsSpfOnePerName } from "./rules/dns-spf-one-per-name";
import { dnsSpfValid } from "./rules/dns-spf-valid";
import { alarmsHaveActions } from "./rules/alarms-have-actions";
import { rateLimitsCoverAuth } from "./rules/rate-limits-cover-auth";
import { route53AlarmsInUsEast1 } from "./rules/route53-alarms-in-us-east-1";
import { uptimeChecksCoverHosts } from "./rules/uptime-checks-cover-hosts";
import { uptimeChecksHaveAlarms } from "./rules/uptime-checks-have-alarms";
import { environmentSeparation } from "./rules/environment-separation";
import { noDebugMode } from "./rules/no-debug-mode";
import { noExposedSecrets } from "./rules/no-exposed-secrets";
import { secretsStorage } from "./rules/secrets-storage";
import { zoneAlwaysUseHttps } from "./rules/zone-always-use-https";
import { zoneDevelopmentModeOff } from "./rules/zone-development-mode-off";
import { zoneHsts } from "./rules/zone-hsts";
import { zoneMinTlsVersion } from "./rules/zone-min-tls-version";
import { zoneSslStrict } from "./rules/zone-ssl-strict";
import { auditTrail } from "./rules/audit-trail";
import { originLocked } from "./rules/origin-locked";
import { cachePrivatePaths } from "./rules/cache-private-paths";
import { cisAlarms } from "./rules/cis-alarms";
import { logGroupsProtected } from "./rules/log-groups-protected";
import { securityLogDataProtection } from "./rules/security-log-data-protection";
import { trailBucketPrivate } from "./rules/trail-bucket-private";
import { iamOidcTrustPinned } from "./rules/iam-oidc-trust-pinned";
import { iamTrustNoPublicPrincipal } from "./rules/iam-trust-no-public-principal";
import { iamPipelineRolesNotAdmin } from "./rules/iam-pipeline-roles-not-admin";
import { iamDeployRoleEnvironment } from "./rules/iam-deploy-role-environment";
import { cloudflareTokenZoneScoped } from "./rules/cloudflare-token-zone-scoped";
import { stateBucketPrivate } from "./rules/state-bucket-private";

/** Every rule, as written, in catalogue order. */
export const rules: LaunchPolicy[] = [
  zoneSslStrict,
  zoneAlwaysUseHttps,
  zoneMinTlsVersion,
  zoneHsts,
  zoneDevelopmentModeOff,
  originLocked,
  cachePrivatePaths,
  dnsSpfValid,
  dnsSpfOnePerName,
  dnsDmarcValid,
  dnsDkimKeyStrength,
  dnsMailRecordsNotProxied,
  noExposedSecrets,
  noDebugMode,
  secretsStorage,
  environmentSeparation,
  uptimeChecksCoverHosts,
  uptimeChecksHaveAlarms,
  alarmsHaveActions,
  route53AlarmsInUsEast1,
  auditTrail,
  trailBucketPrivate,
  logGroupsProtected,
  cisAlarms,
  securityLogDataProtection,
  rateLimitsCoverAuth,
  iamOidcTrustPinned,
  iamTrustNoPublicPrincipal,
  iamPipelineRolesNotAdmin,
  iamDeployRoleEnvironment,
  cloudflareTokenZoneScoped,
  stateBucketPrivate,
];

/**
 * The exact array handed to `new PolicyPack`; importing it starts no server. Defaults wrap
 * outermost, so the suppressions wrapper and the rule both see a complete config.
 */
export const policies: LaunchPolicy[] = rules.map((rule) => withConfigDefaults(withSuppressions(rule)));
