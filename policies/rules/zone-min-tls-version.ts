import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";

const VERSIONS = ["1.0", "1.1", "1.2", "1.3"];

export const zoneMinTlsVersion: LaunchResourcePolicy = {
  name: "zone-min-tls-version",
  description: "The edge must refuse TLS versions below the configured minimum (default 1.2).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set the zone setting `min_tls_version` to "1.2" or "1.3". TLS 1.0 and 1.1 are deprecated (RFC 8996).',
  references: [OWASP_API8_MISCONFIGURATION, asvs("V9.1.3", "Only the latest recommended versions of TLS are enabled")],
  runbook: "tls-certificate-failure",
  configSchema: {
    properties: { minimumVersion: { type: "string", enum: ["1.2", "1.3"], default: "1.2" } },
  },
  validateResource: validateResourceOfType(cloudflare.ZoneSetting, (setting, args, report) => {
    if (setting.settingId !== "min_tls_version") return;
    const { minimumVersion } = args.getConfig<{ minimumVersion: string }>();
    if (VERSIONS.indexOf(String(setting.value)) < VERSIONS.indexOf(minimumVersion)) {
      report(`min_tls_version is ${JSON.stringify(setting.value)}; it must be at least "${minimumVersion}".`);
    }
  }),
};
