import { checkov, trivy, asvs, type LaunchStackPolicy } from "../rule";
import { LOG_GROUP, METRIC_FILTER, TRAIL, isSet, str } from "./logging";
import { known, ofType } from "./monitoring";

export const auditTrail: LaunchStackPolicy = {
  name: "audit-trail",
  description: "The account's API activity is recorded: a multi-region CloudTrail trail with management events, log file validation, a customer-managed KMS key and CloudWatch Logs delivery, or the organisation's trail named in config.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Leave the SecurityLogging component's trail as it is, or point launch-baseline:logging.existingTrail at the organisation trail and the log group it delivers to. Never turn off multi-region, validation, KMS or CloudWatch delivery to save cost: they are what an incident is investigated with.",
  references: [
    asvs("V7.1.3", "Security relevant events are logged"),
    checkov("CKV_AWS_67", "CloudTrail is enabled in all regions"),
    checkov("CKV_AWS_36", "CloudTrail log file validation is enabled"),
    checkov("CKV_AWS_35", "CloudTrail logs are encrypted at rest using KMS CMKs"),
    checkov("CKV2_AWS_10", "CloudTrail trails are integrated with CloudWatch Logs"),
    trivy("AVD-AWS-0014", "cloudtrail", "CloudTrail is enabled across all regions"),
    trivy("AVD-AWS-0016", "cloudtrail", "CloudTrail log validation is enabled"),
    trivy("AVD-AWS-0015", "cloudtrail", "CloudTrail uses a customer managed key"),
    trivy("AVD-AWS-0162", "cloudtrail", "CloudTrail is integrated with CloudWatch"),
  ],
  runbook: "audit-trail-stopped",
  validateStack: (args, report) => {
    const trails = ofType(args.resources, TRAIL);
    if (trails.length === 0) {
      // The organisation's trail: the CIS filters then sit on a log group this stack does not create.
      const own = new Set(ofType(args.resources, LOG_GROUP).map((g) => str(g, "name")));
      const external = ofType(args.resources, METRIC_FILTER).some((f) => { const g = str(f, "logGroupName"); return g !== undefined && !own.has(g); });
      if (!external) report("no CloudTrail trail records this account, and no existing trail is named (launch-baseline:logging.existingTrail).");
      return;
    }
    for (const t of trails) {
      // Flags are literals; ARNs are often unknown until deploy, and then they are set.
      const p = known(() => ({ multi: t.props.isMultiRegionTrail, validation: t.props.enableLogFileValidation, logging: t.props.enableLogging, selectors: t.props.eventSelectors as Array<{ readWriteType?: string; includeManagementEvents?: boolean }> | undefined }));
      if (!p) continue;
      const problems = [
        p.multi !== true && "is single-region (isMultiRegionTrail must be true)",
        p.validation !== true && "has no log file validation (enableLogFileValidation)",
        !isSet(() => t.props.kmsKeyId) && "is not encrypted with a customer-managed KMS key (kmsKeyId)",
        !(isSet(() => t.props.cloudWatchLogsGroupArn) && isSet(() => t.props.cloudWatchLogsRoleArn)) && "does not deliver to CloudWatch Logs (cloudWatchLogsGroupArn and cloudWatchLogsRoleArn)",
        p.logging === false && "has logging turned off (enableLogging)",
        p.selectors && !p.selectors.some((s) => s.includeManagementEvents !== false && (s.readWriteType ?? "All") === "All") && "does not record both read and write management events",
      ].filter((x): x is string => typeof x === "string");
      for (const problem of problems) report(`trail ${t.name} ${problem}.`, t.urn);
    }
  },
};
