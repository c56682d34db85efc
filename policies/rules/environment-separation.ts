import type { PolicyResource } from "@pulumi/policy";
import { asvs, type LaunchStackPolicy } from "../rule";
import { parseJsonOr } from "../../lib/json";

// AWS types this project creates that take tags (and so get the provider's default tags).
const TAGGABLE = new Set([
  "aws:kms/key:Key",
  "aws:secretsmanager/secret:Secret",
  "aws:iam/policy:Policy",
  "aws:iam/role:Role",
  "aws:ssm/parameter:Parameter",
  "aws:sesv2/emailIdentity:EmailIdentity",
  "aws:sns/topic:Topic",
  "aws:cloudwatch/metricAlarm:MetricAlarm",
  "aws:route53/healthCheck:HealthCheck",
  "aws:lambda/function:Function",
  "aws:ecs/taskDefinition:TaskDefinition",
  "aws:s3/bucket:Bucket",
]);

/** Provider inputs reach policies as strings, structured ones as JSON. */
const structured = (v: unknown): any => (typeof v === "string" && /^[[{]/.test(v) ? parseJsonOr(v, v) : v);

export const environmentSeparation: LaunchStackPolicy = {
  name: "environment-separation",
  description: "Every AWS resource goes through a provider pinned to one account (allowedAccountIds), and every taggable resource carries its stack's environment tag.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Create AWS resources with the stack's explicit provider (index.ts passes it to every component), whose allowedAccountIds and defaultTags come from launch-baseline:awsAccountId and launch-baseline:environment.",
  references: [asvs("V14.1.1", "Build and deploy processes are secure and repeatable"), { standard: "CIS", id: "CIS Controls v8 12.2", title: "Establish and maintain a secure network architecture (separate environments)", url: "https://www.cisecurity.org/controls" }],
  runbook: "environment-promotion-and-rollback",
  configSchema: { properties: { environment: { type: "string", enum: ["dev", "staging", "prod"] } }, required: ["environment"] },
  validateStack: (args, report) => {
    const { environment } = args.getConfig<{ environment: string }>();
    for (const r of args.resources.filter((x: PolicyResource) => x.type.startsWith("aws:"))) {
      const provider = r.provider;
      const accounts = structured(provider?.props.allowedAccountIds);
      if (!provider || provider.type !== "pulumi:providers:aws" || !Array.isArray(accounts) || accounts.length !== 1) {
        report(`${r.type} ${r.name} does not use an AWS provider pinned to exactly one account (allowedAccountIds).`, r.urn);
        continue;
      }
      if (!TAGGABLE.has(r.type)) continue;
      const tags = { ...(structured(provider.props.defaultTags)?.tags ?? {}), ...((r.props.tags as Record<string, string> | undefined) ?? {}) };
      if (tags.environment !== environment) report(`${r.type} ${r.name} has environment tag ${JSON.stringify(tags.environment ?? null)}; this stack is ${environment}.`, r.urn);
    }
  },
};
