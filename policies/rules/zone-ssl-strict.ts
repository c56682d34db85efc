import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";

export const zoneSslStrict: LaunchResourcePolicy = {
  name: "zone-ssl-strict",
  description: "Cloudflare must reach the origin over TLS with a validated certificate: SSL mode Full (strict), pinned rather than left to automatic mode.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: 'Set the zone setting `ssl` to "strict" and `ssl_automatic_mode` to "custom" (EdgeSecurity does both). Give the origin a certificate Cloudflare trusts, such as a Cloudflare Origin CA certificate, before switching.',
  references: [OWASP_API8_MISCONFIGURATION, asvs("V9.2.1", "Connections to and from the server use trusted TLS certificates")],
  runbook: "tls-certificate-failure",
  validateResource: validateResourceOfType(cloudflare.ZoneSetting, (setting, _args, report) => {
    if (setting.settingId === "ssl" && setting.value !== "strict") {
      report(`ssl is ${JSON.stringify(setting.value)}; only "strict" encrypts and validates the origin connection.`);
    }
    if (setting.settingId === "ssl_automatic_mode" && setting.value !== "custom") {
      report(`ssl_automatic_mode is ${JSON.stringify(setting.value)}; automatic mode may change the SSL mode on its own. Pin it to "custom".`);
    }
  }),
};
