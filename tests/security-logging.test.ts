import { beforeAll, describe, expect, it } from "vitest";
import { CIS_FILTERS } from "../lib/logs/cis-filters";
import { CUSTOM_IDENTIFIERS } from "../lib/logs/data-protection";
import { editedStacks, planJson, runPlan, type PlanJson } from "./helpers/run-plan";

const ACCOUNT = { prod: "222233334444", staging: "333344445555", dev: "444455556666" } as const;
const RETENTION = { prod: 365, staging: 90, dev: 30 } as const;
const EXPIRATION = { prod: 2557, staging: 365, dev: 90 } as const;
const PLAN = { prod: "business", staging: "pro", dev: "free" } as const;

const docs: Record<string, PlanJson> = {};
beforeAll(async () => {
  await Promise.all((["prod", "staging", "dev"] as const).map(async (s) => (docs[s] = (await planJson(s)).doc)));
});

describe.each(["prod", "staging", "dev"] as const)("stack %s", (env) => {
  const doc = () => docs[env];
  const byName = (n: string) => {
    const r = doc().resources.find((x) => x.name === n);
    if (!r) throw new Error(`no resource ${n}`);
    return r;
  };
  const account = ACCOUNT[env];
  const keyArn = expect.stringMatching(new RegExp(`^arn:aws:kms:us-east-1:${account}:key/[0-9a-f-]{36}$`));
  const trailBucket = `launch-baseline-${env}-trail-bucket-${account}`;
  const accessBucket = `launch-baseline-${env}-trail-access-logs-${account}`;
  const trailArn = `arn:aws:cloudtrail:us-east-1:${account}:trail/launch-baseline-${env}-audit`;
  const topic = (s: string) => `arn:aws:sns:us-east-1:${account}:launch-baseline-${env}-alerts-${s}`;

  it("records every region's management events, validated, KMS-encrypted and delivered to CloudWatch Logs", () => {
    const trail = byName("logging-trail");
    expect(trail.provider).toBe(`urn:pulumi:${env}::launch-baseline::pulumi:providers:aws::aws-us-east-1`);
    expect(trail.inputs).toEqual({
      name: `launch-baseline-${env}-audit`,
      s3BucketName: trailBucket,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: keyArn,
      cloudWatchLogsGroupArn: `arn:aws:logs:us-east-1:${account}:log-group:/launch-baseline/${env}/cloudtrail:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/launch-baseline-${env}-cloudtrail-delivery`,
      eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }],
    });
    expect(trail.dependencies).toContain(byName("logging-trail-bucket-policy").urn);
    expect(byName("logging-key").inputs).toMatchObject({ enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30 });
    expect(JSON.parse(byName("logging-trail-delivery-policy").inputs.policy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `arn:aws:logs:us-east-1:${account}:log-group:/launch-baseline/${env}/cloudtrail:log-stream:*` }],
    });
  });

  it("keeps the trail bucket private: public access blocked, TLS only, versioned, access-logged, expiring per environment", () => {
    expect(byName("logging-trail-bucket-public-access").inputs).toEqual({ bucket: trailBucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    expect(byName("logging-trail-bucket-versioning").inputs).toEqual({ bucket: trailBucket, versioningConfiguration: { status: "Enabled" } });
    expect(byName("logging-trail-bucket-logging").inputs).toEqual({ bucket: trailBucket, targetBucket: accessBucket, targetPrefix: "trail/" });
    expect(byName("logging-trail-bucket-encryption").inputs).toEqual({ bucket: trailBucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }, bucketKeyEnabled: true }] });
    expect(byName("logging-trail-bucket-lifecycle").inputs).toEqual({
      bucket: trailBucket,
      rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: EXPIRATION[env] }, noncurrentVersionExpiration: { noncurrentDays: 30 }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }],
    });
    const policy = JSON.parse(byName("logging-trail-bucket-policy").inputs.policy as string);
    expect(policy.Statement).toEqual([
      { Sid: "CloudTrailAclCheck", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: `arn:aws:s3:::${trailBucket}`, Condition: { StringEquals: { "aws:SourceArn": trailArn } } },
      { Sid: "CloudTrailWrite", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `arn:aws:s3:::${trailBucket}/AWSLogs/${account}/*`, Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } } },
      { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${trailBucket}`, `arn:aws:s3:::${trailBucket}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ]);
    expect(byName("logging-trail-access-logs-public-access").inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    expect(byName("logging-trail-access-logs-encryption").inputs).toEqual({ bucket: accessBucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
  });

  it("puts each CIS filter on the trail's log group with the published pattern, and alarms to the severity topics with actions on", () => {
    const filters = doc().resources.filter((r) => r.type === "aws:cloudwatch/logMetricFilter:LogMetricFilter" && r.name.startsWith("logging-cis-"));
    expect(filters).toHaveLength(15);
    for (const f of CIS_FILTERS) {
      expect(byName(`logging-cis-${f.metric}`).inputs).toEqual({ name: `launch-baseline-${env}-cis-${f.metric}`, logGroupName: `/launch-baseline/${env}/cloudtrail`, pattern: f.pattern, metricTransformation: { name: f.metric, namespace: "CISBenchmark", value: "1" } });
      const alarm = byName(`logging-${f.metric}`).inputs;
      expect(alarm).toMatchObject({ name: `launch-baseline-${env}-${f.metric}`, namespace: "CISBenchmark", metricName: f.metric, statistic: "Sum", period: 300, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold", actionsEnabled: true });
      expect(alarm.alarmDescription).toMatch(/^(CloudWatch\.\d+|CIS 4\.15): .+\. Runbook: runbooks\/(audit-trail-stopped|suspicious-authentication-activity|unexpected-account-change)\.md$/);
    }
    expect(byName("logging-RootAccountUsage").inputs.alarmActions).toEqual([topic("critical")]);
    expect(byName("logging-VPCChanges").inputs.alarmActions).toEqual([topic("warning")]);
    expect(byName("logging-cis-RootAccountUsage").inputs.pattern).toBe('{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}');
    expect(doc().resources.find((r) => r.name === "logging-cis-ConsoleSigninWithoutMFAIamUsers")).toBeUndefined();
  });

  it("gives the app's security log KMS, its retention and a data protection policy that audits and masks", () => {
    for (const [role, name] of [["app-security", "security"], ["app-security-findings", "security-findings"], ["trail-logs", "cloudtrail"]]) {
      expect(byName(`logging-${role}`).inputs).toEqual({ name: `/launch-baseline/${env}/${name}`, kmsKeyId: keyArn, retentionInDays: RETENTION[env] });
    }
    const dp = byName("logging-app-security-data-protection").inputs;
    expect(dp.logGroupName).toBe(`/launch-baseline/${env}/security`);
    const policy = JSON.parse(dp.policyDocument as string);
    const ids = [...["AwsSecretKey", "OpenSshPrivateKey", "PgpPrivateKey", "PkcsPrivateKey", "PuttyPrivateKey", "EmailAddress", "CreditCardNumber", "CreditCardSecurityCode", "CreditCardExpiration"].map((i) => `arn:aws:dataprotection::aws:data-identifier/${i}`), "JsonWebToken", "BearerToken", "SessionCookie", "PasswordField"];
    expect(policy).toEqual({
      Name: `launch-baseline-${env}-security-log-protection`,
      Version: "2021-06-01",
      Configuration: { CustomDataIdentifier: CUSTOM_IDENTIFIERS },
      Statement: [
        { Sid: "audit", DataIdentifier: ids, Operation: { Audit: { FindingsDestination: { CloudWatchLogs: { LogGroup: `/launch-baseline/${env}/security-findings` } } } } },
        { Sid: "redact", DataIdentifier: ids, Operation: { Deidentify: { MaskConfig: {} } } },
      ],
    });
    for (const c of CUSTOM_IDENTIFIERS) expect(c.Regex.length).toBeLessThanOrEqual(200);
    expect(byName("logging-LogEventsWithFindings").inputs).toMatchObject({ namespace: "AWS/Logs", dimensions: { LogGroupName: `/launch-baseline/${env}/security` }, alarmActions: [topic("critical")], actionsEnabled: true });
  });

  it("counts the OWASP events and alarms on spikes", () => {
    expect(byName("logging-app-LoginFailures").inputs).toEqual({
      name: `launch-baseline-${env}-app-LoginFailures`,
      logGroupName: `/launch-baseline/${env}/security`,
      pattern: '{ ($.event = "authn_login_fail:*") || ($.event = "authn_login_fail_max:*") }',
      metricTransformation: { name: "LoginFailures", namespace: `launch-baseline-${env}-security`, value: "1", defaultValue: "0" },
    });
    expect(byName("logging-TokenReuse").inputs).toMatchObject({ threshold: 1, alarmActions: [topic("critical")], alarmDescription: "1 or more in 5 minutes: a revoked token or expired session used again (authn_token_reuse, session_use_after_expire). Runbook: runbooks/suspicious-authentication-activity.md" });
    expect(byName("logging-LoginFailures").inputs).toMatchObject({ threshold: 50, alarmActions: [topic("warning")] });
  });

  it("asks Cloudflare for security-event anomaly alerts only where the plan has them", () => {
    const alerts = doc().resources.filter((r) => r.name.startsWith("logging-cf-")).map((r) => r.inputs.alertType);
    expect(alerts).toEqual(PLAN[env] === "business" ? ["clickhouse_alert_fw_anomaly"] : []);
    expect(doc().resources.filter((r) => r.type === "cloudflare:index/logpushJob:LogpushJob")).toEqual([]);
  });
});

describe("logging configuration", () => {
  it("uses the organisation's trail instead of creating one, with the CIS filters on its log group", async () => {
    const dir = editedStacks("staging", (y) => `${y}  launch-baseline:logging:\n    existingTrail:\n      arn: arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail\n      logGroupName: aws-controltower/CloudTrailLogs\n    ssoTolerantMfaAlarm: true\n`);
    const { doc } = await planJson("staging", ["--stacks-dir", dir]);
    expect(doc.resources.filter((r) => r.type.startsWith("aws:cloudtrail/") || r.type.startsWith("aws:s3/"))).toEqual([]);
    expect((doc as unknown as { auditTrail: unknown }).auditTrail).toEqual({ source: "organisation", trail: "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail", logGroup: "aws-controltower/CloudTrailLogs" });
    const text = await runPlan(["--stack", "staging", "--stacks-dir", dir]);
    expect(text.stdout).toContain("\nAudit trail: the organisation's trail arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail (launch-baseline:logging.existingTrail); this stack creates none, and puts the CIS alarms on aws-controltower/CloudTrailLogs\n");
    expect(doc.resources.find((r) => r.name === "logging-cis-RootAccountUsage")!.inputs.logGroupName).toBe("aws-controltower/CloudTrailLogs");
    expect(doc.resources.find((r) => r.name === "logging-cis-ConsoleSigninWithoutMFA")!.inputs.pattern).toBe('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }');
    expect(doc.resources.find((r) => r.name === "logging-cis-ConsoleSigninWithoutMFAIamUsers")!.inputs.pattern).toBe('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }');
  });

  it("refuses less than a year of security logs in prod", async () => {
    const dir = editedStacks("prod", (y) => `${y}  launch-baseline:logging:\n    retentionDays: 90\n`);
    const r = await runPlan(["--stack", "prod", "--stacks-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("launch-baseline:logging.retentionDays = 90: must be at least 365 days in prod: security logs are what an incident is investigated with.");
  });
});
