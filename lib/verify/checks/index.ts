import type { Check } from "../types";
import { transportCanonicalRedirect } from "./canonical";
import { corsOriginVariants } from "./cors";
import { dnsCaa, dnsNameservers } from "./dns";
import { dnsDangling } from "./dangling";
import { emailDmarcReports } from "./dmarc-reports";
import { dnsDnssec } from "./dnssec";
import { emailDkim, emailDmarc, emailMtaSts, emailSpf, emailTlsRpt } from "./email";
import { emailMessage } from "./message";
import { logsCanaries, logsProbeEvents, logsSecurityEvents, logsSensitiveData } from "./logs";
import { monitoringUptimeTargets } from "./monitoring";
import { transportOriginDirect } from "./origin-direct";
import { secretsBundle, secretsRepository } from "./secrets";
import { secretsServedFiles } from "./served-files";
import { transportCertificate, transportHsts, transportHttpsRedirect, transportTlsVersions } from "./transport";
import { corsUntrustedOrigin, debugExposure, headersCookies, headersSecurity } from "./web";

/** Every check verify runs, in report order. */
export const CHECKS: readonly Check[] = [
  dnsNameservers,
  dnsDnssec,
  dnsCaa,
  dnsDangling,
  emailSpf,
  emailDkim,
  emailDmarc,
  emailDmarcReports,
  emailTlsRpt,
  emailMtaSts,
  emailMessage,
  transportHttpsRedirect,
  transportHsts,
  transportTlsVersions,
  transportCertificate,
  transportCanonicalRedirect,
  transportOriginDirect,
  headersSecurity,
  headersCookies,
  corsUntrustedOrigin,
  corsOriginVariants,
  debugExposure,
  secretsRepository,
  secretsBundle,
  secretsServedFiles,
  monitoringUptimeTargets,
  logsSensitiveData,
  logsSecurityEvents,
  logsCanaries,
  logsProbeEvents,
];
