import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";

export const zoneAlwaysUseHttps: LaunchResourcePolicy = {
  name: "zone-always-use-https",
  description: "Every plain-HTTP request must be redirected to HTTPS at the edge (Always Use HTTPS on).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set the zone setting `always_use_https` to "on". If a client truly cannot speak HTTPS, serve it from a separate zone rather than weakening this one.',
  references: [OWASP_API8_MISCONFIGURATION, asvs("V9.1.1", "TLS is used for all client connectivity and does not fall back to insecure protocols")],
  runbook: "redirect-loop-or-hsts-lock-in",
  validateResource: validateResourceOfType(cloudflare.ZoneSetting, (setting, _args, report) => {
    if (setting.settingId === "always_use_https" && setting.value !== "on") {
      report(`always_use_https is ${JSON.stringify(setting.value)}; plain HTTP would be served.`);
    }
  }),
};
