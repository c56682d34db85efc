import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { checkov, trivy, asvs, type LaunchResourcePolicy } from "../rule";

export const logGroupsProtected: LaunchResourcePolicy = {
  name: "log-groups-protected",
  description: "Every CloudWatch log group is encrypted with a customer-managed KMS key and keeps events at least the environment's minimum retention (unset keeps them forever).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set kmsKeyId to a rotating customer-managed key whose policy lets logs.<region>.amazonaws.com use it, and retentionInDays to at least the minimum (launch-baseline:logging.retentionDays; prod 365).",
  references: [
    asvs("V7.3.3", "Security logs are protected from unauthorized access and modification"),
    checkov("CKV_AWS_158", "CloudWatch Log Group is encrypted by KMS"),
    checkov("CKV_AWS_338", "CloudWatch log groups retain logs for at least 1 year"),
    trivy("AVD-AWS-0017", "cloudwatch", "CloudWatch log groups are encrypted using a customer managed key"),
  ],
  runbook: "audit-trail-stopped",
  configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, default: 365 } } },
  validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, args, report) => {
    const { minRetentionDays } = args.getConfig<{ minRetentionDays: number }>();
    if (!group.kmsKeyId) report(`log group ${group.name ?? args.name} is not encrypted with a customer-managed KMS key (kmsKeyId).`);
    if (group.retentionInDays !== undefined && group.retentionInDays !== 0 && group.retentionInDays < minRetentionDays) report(`log group ${group.name ?? args.name} keeps events ${group.retentionInDays} days; this environment requires at least ${minRetentionDays}.`);
  }),
};
