import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";

export const zoneDevelopmentModeOff: LaunchResourcePolicy = {
  name: "zone-development-mode-off",
  description: "Cloudflare development mode (cache bypass, meant for minutes of debugging) must be off.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: 'Set the zone setting `development_mode` to "off". To debug caching, purge the cache for the affected URLs instead.',
  references: [OWASP_API8_MISCONFIGURATION, asvs("V14.3.2", "Debug modes are disabled in production")],
  runbook: "policy-gate-blocked-deploy",
  validateResource: validateResourceOfType(cloudflare.ZoneSetting, (setting, _args, report) => {
    if (setting.settingId === "development_mode" && setting.value !== "off") {
      report(`development_mode is ${JSON.stringify(setting.value)}; it bypasses the cache and is for short debugging sessions only.`);
    }
  }),
};
