import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";

interface Hsts {
  enabled?: boolean;
  max_age?: number;
}

export const zoneHsts: LaunchResourcePolicy = {
  name: "zone-hsts",
  description: "The edge must send Strict-Transport-Security with at least the configured max-age (default one year).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set the zone setting `security_header` to `{strict_transport_security: {enabled: true, max_age: 31536000, ...}}` (launch-baseline:hsts). Keys inside value are snake_case, as the Cloudflare API has them. Raise max-age only once every host serves HTTPS.",
  references: [OWASP_API8_MISCONFIGURATION, asvs("V14.4.5", "A Strict-Transport-Security header is included on all responses")],
  runbook: "redirect-loop-or-hsts-lock-in",
  configSchema: {
    properties: { minMaxAgeSeconds: { type: "integer", minimum: 0, default: 31536000 } },
  },
  validateResource: validateResourceOfType(cloudflare.ZoneSetting, (setting, args, report) => {
    if (setting.settingId !== "security_header") return;
    const { minMaxAgeSeconds } = args.getConfig<{ minMaxAgeSeconds: number }>();
    const hsts: Hsts | undefined = setting.value?.strict_transport_security;
    if (!hsts || hsts.enabled !== true) {
      report("HSTS is not enabled (security_header.strict_transport_security.enabled must be true).");
    } else if (typeof hsts.max_age !== "number" || hsts.max_age < minMaxAgeSeconds) {
      report(`HSTS max_age is ${JSON.stringify(hsts.max_age)} s; this environment requires at least ${minMaxAgeSeconds} s.`);
    }
  }),
};
