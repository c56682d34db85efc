import { asvs, type LaunchStackPolicy } from "../rule";
import { DATA_PROTECTION, LOG_GROUP, naming, str } from "./logging";
import { ofType } from "./monitoring";

/** The app's security log is the group named `/<project>/<env>/security`. */
const isSecurityLog = (name: string | undefined) => name !== undefined && /^\/[^/]+\/[^/]+\/security$/.test(name);

export const securityLogDataProtection: LaunchStackPolicy = {
  name: "security-log-data-protection",
  description: "The app's security log has a CloudWatch Logs data protection policy that audits and masks secrets, tokens, card numbers and email addresses.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Attach an aws.cloudwatch.LogDataProtectionPolicy to the security log group with an Audit and a Deidentify statement (lib/logs/data-protection.ts). It masks only what arrives after it exists, so add it before the app logs anything.",
  references: [asvs("V7.1.1", "The application does not log credentials or payment details")],
  runbook: "sensitive-data-in-logs",
  validateStack: (args, report) => {
    for (const group of ofType(args.resources, LOG_GROUP)) {
      const name = str(group, "name");
      if (!isSecurityLog(name)) continue;
      const policies = naming(args.resources, DATA_PROTECTION, "logGroupName", name!);
      const complete = policies.some((p) => {
        const doc = str(p, "policyDocument");
        if (doc === undefined) return true;
        const ops = (JSON.parse(doc).Statement ?? []).map((s: { Operation?: object }) => Object.keys(s.Operation ?? {})[0]);
        return ops.includes("Audit") && ops.includes("Deidentify");
      });
      if (!complete) report(`the app's security log ${name} has no data protection policy that audits and masks (LogDataProtectionPolicy with Audit and Deidentify).`, group.urn);
    }
  },
};
