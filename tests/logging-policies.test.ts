import { describe, expect, it } from "vitest";
import { CIS_FILTERS } from "../lib/logs/cis-filters";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { UNKNOWN } from "../lib/plan/wire";
import { policies } from "../policies/policies";
import { catalogue } from "../policies/catalogue";

const urn = (type: string, name: string) => `urn:pulumi:prod::launch-baseline::${type}::${name}`;
const res = (type: string, name: string, inputs: Record<string, unknown>): CapturedResource => ({ urn: urn(type, name), type, name, custom: true, parent: null, provider: null, dependencies: [], inputs });

const TRAIL = "aws:cloudtrail/trail:Trail";
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const BUCKET = "trail-bucket-222233334444";
const KEY = "arn:aws:kms:us-east-1:222233334444:key/0f1e2d3c-4b5a-4697-8877-665544332211";
const TLS_ONLY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::x", "arn:aws:s3:::x/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }] });
const PROTECTION = JSON.stringify({ Name: "p", Version: "2021-06-01", Statement: [{ Sid: "audit", DataIdentifier: [], Operation: { Audit: { FindingsDestination: {} } } }, { Sid: "redact", DataIdentifier: [], Operation: { Deidentify: { MaskConfig: {} } } }] });

interface Change {
  trail?: Record<string, unknown>;
  noTrail?: boolean;
  blocks?: Record<string, unknown>;
  bucketPolicy?: string;
  group?: Record<string, unknown>;
  pattern?: [string, string];
  dropAlarm?: string;
  protection?: string | null;
}

/** A compliant logging stack, with one thing changed. */
function stack(c: Change = {}): CapturedResource[] {
  const rs: CapturedResource[] = [
    res(GROUP, "trail-logs", { name: "/launch-baseline/prod/cloudtrail", kmsKeyId: KEY, retentionInDays: 365, ...c.group }),
    res(GROUP, "app-security", { name: "/launch-baseline/prod/security", kmsKeyId: KEY, retentionInDays: 365 }),
    res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", { bucket: BUCKET, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, ...c.blocks }),
    res("aws:s3/bucketPolicy:BucketPolicy", "bucket-policy", { bucket: BUCKET, policy: c.bucketPolicy ?? TLS_ONLY }),
  ];
  if (!c.noTrail) {
    rs.push(res(TRAIL, "trail", { name: "audit", s3BucketName: BUCKET, isMultiRegionTrail: true, includeGlobalServiceEvents: true, enableLogFileValidation: true, enableLogging: true, kmsKeyId: KEY, cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:222233334444:log-group:/launch-baseline/prod/cloudtrail:*", cloudWatchLogsRoleArn: "arn:aws:iam::222233334444:role/delivery", eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }], ...c.trail }));
  }
  if (c.protection !== null) rs.push(res("aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy", "protection", { logGroupName: "/launch-baseline/prod/security", policyDocument: c.protection ?? PROTECTION }));
  for (const f of CIS_FILTERS) {
    const pattern = c.pattern?.[0] === f.metric ? c.pattern[1] : f.pattern;
    rs.push(res(FILTER, `cis-${f.metric}`, { name: `cis-${f.metric}`, logGroupName: c.noTrail ? "aws-controltower/CloudTrailLogs" : "/launch-baseline/prod/cloudtrail", pattern, metricTransformation: { name: f.metric, namespace: "CISBenchmark", value: "1" } }));
    if (c.dropAlarm !== f.metric) rs.push(res(ALARM, f.metric, { namespace: "CISBenchmark", metricName: f.metric, actionsEnabled: true, alarmActions: ["arn:aws:sns:us-east-1:222233334444:critical"] }));
  }
  return rs;
}

const RULES = ["audit-trail", "trail-bucket-private", "log-groups-protected", "cis-alarms", "security-log-data-protection"];
async function findings(env: string, resources: CapturedResource[]) {
  const v = await evaluatePolicies(policies, resources, resolvePolicyConfig(policies, `policies/config/${env}.json`));
  return v.filter((x) => RULES.includes(x.policy)).map((x) => `${x.enforcementLevel} ${x.policy}: ${x.message}`);
}

describe("security-logging rules", () => {
  it("pass the compliant stack, and one on the organisation's trail", async () => {
    expect(await findings("prod", stack())).toEqual([]);
    expect(await findings("prod", stack({ noTrail: true }))).toEqual([]);
  });

  it("take a key or log group ARN known only after deploy as set, as a real preview has them", async () => {
    expect(await findings("prod", stack({ trail: { kmsKeyId: UNKNOWN, cloudWatchLogsGroupArn: UNKNOWN, cloudWatchLogsRoleArn: UNKNOWN } }))).toEqual([]);
  });

  it.each([
    ["a single-region trail", { trail: { isMultiRegionTrail: false } }, "mandatory audit-trail: trail trail is single-region (isMultiRegionTrail must be true)."],
    ["a trail without validation", { trail: { enableLogFileValidation: false } }, "mandatory audit-trail: trail trail has no log file validation (enableLogFileValidation)."],
    ["a trail without KMS", { trail: { kmsKeyId: undefined } }, "mandatory audit-trail: trail trail is not encrypted with a customer-managed KMS key (kmsKeyId)."],
    ["a trail without CloudWatch Logs", { trail: { cloudWatchLogsGroupArn: undefined } }, "mandatory audit-trail: trail trail does not deliver to CloudWatch Logs (cloudWatchLogsGroupArn and cloudWatchLogsRoleArn)."],
    ["write-only management events", { trail: { eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] } }, "mandatory audit-trail: trail trail does not record both read and write management events."],
    ["a public trail bucket", { blocks: { restrictPublicBuckets: false } }, `mandatory trail-bucket-private: trail trail writes to bucket ${BUCKET}, whose public access is not fully blocked (blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets must all be true).`],
    ["a trail bucket that takes plain HTTP", { bucketPolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }, `mandatory trail-bucket-private: trail trail writes to bucket ${BUCKET}, whose policy does not deny requests without TLS (aws:SecureTransport false).`],
    ["a log group without KMS", { group: { kmsKeyId: undefined } }, "mandatory log-groups-protected: log group /launch-baseline/prod/cloudtrail is not encrypted with a customer-managed KMS key (kmsKeyId)."],
    ["a log group kept 90 days in prod", { group: { retentionInDays: 90 } }, "mandatory log-groups-protected: log group /launch-baseline/prod/cloudtrail keeps events 90 days; this environment requires at least 365."],
    ["a CIS pattern with one character changed", { pattern: ["RootAccountUsage", CIS_FILTERS[0].pattern.replace('"Root"', '"root"')] }, 'mandatory cis-alarms: metric filter cis-RootAccountUsage (CloudWatch.1) differs from the published pattern at character 23: "root\\" && $.u" where the published text has "Root\\" && $.u".'],
    ["a CIS pattern with an extra term", { pattern: ["ConsoleSigninWithoutMFA", CIS_FILTERS[2].pattern.replace(" }", ' && ($.userIdentity.type = "IAMUser") }')] }, 'mandatory cis-alarms: metric filter cis-ConsoleSigninWithoutMFA (CloudWatch.3) differs from the published pattern at character 78: "&& ($.userId" where the published text has "}".'],
    ["a CIS filter without its alarm", { dropAlarm: "VPCChanges" }, "mandatory cis-alarms: no alarm watches VPCChanges (CloudWatch.14: VPC changes)."],
    ["a security log without data protection", { protection: null }, "mandatory security-log-data-protection: the app's security log /launch-baseline/prod/security has no data protection policy that audits and masks (LogDataProtectionPolicy with Audit and Deidentify)."],
    ["a data protection policy that only audits", { protection: JSON.stringify({ Statement: [{ Operation: { Audit: {} } }] }) }, "mandatory security-log-data-protection: the app's security log /launch-baseline/prod/security has no data protection policy that audits and masks (LogDataProtectionPolicy with Audit and Deidentify)."],
  ] as Array<[string, Change, string]>)("block %s in prod", async (_, change, message) => {
    expect(await findings("prod", stack(change))).toEqual([message]);
  });

  it("report a stack with no trail at all, and are advisory in dev", async () => {
    const none = stack({ noTrail: true }).map((r) => (r.type === FILTER ? { ...r, inputs: { ...r.inputs, logGroupName: "/launch-baseline/prod/cloudtrail" } } : r));
    expect(await findings("prod", none)).toEqual(["mandatory audit-trail: no CloudTrail trail records this account, and no existing trail is named (launch-baseline:logging.existingTrail)."]);
    expect(await findings("dev", stack({ trail: { isMultiRegionTrail: false } }))).toEqual(["advisory audit-trail: trail trail is single-region (isMultiRegionTrail must be true)."]);
  });

  it("name the checkov and trivy ids they match", () => {
    const ids = (rule: string) => catalogue().find((e) => e.id === rule)!.references.map((r) => r.id);
    expect(ids("audit-trail")).toEqual(expect.arrayContaining(["CKV_AWS_67", "CKV_AWS_36", "CKV_AWS_35", "AVD-AWS-0014", "AVD-AWS-0015", "AVD-AWS-0016", "AVD-AWS-0162"]));
    expect(ids("log-groups-protected")).toEqual(expect.arrayContaining(["CKV_AWS_158", "CKV_AWS_338", "AVD-AWS-0017"]));
  });
});
