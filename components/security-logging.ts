import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { CloudflarePlan, Environment } from "../lib/config/keys";
import { CIS_FILTERS, CIS_NAMESPACE, TOLERANT_FILTERS, type CisFilter } from "../lib/logs/cis-filters";
import { dataProtectionPolicy } from "../lib/logs/data-protection";
import { eventPattern, SPIKE_ALARMS } from "../lib/logs/vocabulary";
import { envName, envPath } from "../lib/naming";
import { accessLogBucketPolicy, cloudTrailAssumeRole, logsKeyPolicy, trailBucketPolicy, trailDeliveryPolicy } from "./logging/documents";

export interface SecurityLoggingArgs {
  readonly environment: Environment;
  readonly awsAccountId: string;
  /** The region of the provider this component is given: the alert topics' region. */
  readonly region: string;
  readonly cloudflareAccountId: pulumi.Input<string>;
  readonly zoneId: pulumi.Input<string>;
  readonly cloudflarePlan: CloudflarePlan;
  /** Severity topics in `region`; an alarm can notify only topics in its own region. */
  readonly alertTopics: { readonly critical: pulumi.Input<string>; readonly warning: pulumi.Input<string> };
  /** Cloudflare notification mechanisms of the critical route. */
  readonly cloudflareMechanisms: pulumi.Input<cloudflare.types.input.NotificationPolicyMechanisms>;
  /** An organisation trail that already records the account; then no trail is created here. */
  readonly existingTrail?: { readonly arn: string; readonly logGroupName: string };
  /** Days the trail's log group and the app's security log keep events. */
  readonly retentionDays: number;
  /** Days before the trail bucket's objects expire. */
  readonly trailExpirationDays: number;
  /** Add the SSO-tolerant no-MFA alarm beside the exact CloudWatch.3 one. Default false. */
  readonly ssoTolerantMfaAlarm?: boolean;
  readonly logpush?: { readonly destination: string; readonly ownershipChallenge: string };
}

// The CIS alarms that mean someone may be in the account right now, or blinding its records.
const CRITICAL_CIS = new Set(["RootAccountUsage", "ConsoleSigninWithoutMFA", "ConsoleSigninWithoutMFAIamUsers", "CloudTrailChanges", "DisableOrDeleteCMK", "AWSConfigChanges", "IAMPolicyChanges"]);
const runbookOf = (metric: string) =>
  ["CloudTrailChanges", "DisableOrDeleteCMK", "AWSConfigChanges"].includes(metric) ? "audit-trail-stopped" : ["RootAccountUsage", "UnauthorizedAPICalls", "ConsoleSigninWithoutMFA", "ConsoleSigninWithoutMFAIamUsers", "ConsoleSigninFailures"].includes(metric) ? "suspicious-authentication-activity" : "unexpected-account-change";

/**
 * Security events, recorded and watched: a multi-region CloudTrail trail (KMS, log file
 * validation, CloudWatch Logs delivery, a private bucket with access logs) or the organisation's
 * existing one; the CIS metric filters on it with alarms; the app's own security log with a data
 * protection policy and alarms on spikes of the OWASP events; and Cloudflare's security-event
 * notifications and Logpush. Everything lives in the alert topics' region.
 */
export class SecurityLogging extends pulumi.ComponentResource {
  public readonly key: aws.kms.Key;
  public readonly trail?: aws.cloudtrail.Trail;
  public readonly trailLogGroupName: pulumi.Output<string>;
  public readonly appLogGroup: aws.cloudwatch.LogGroup;
  public readonly alarms: aws.cloudwatch.MetricAlarm[] = [];

  constructor(name: string, args: SecurityLoggingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:logging:SecurityLogging", name, args, opts);
    const parent = { parent: this };
    const env = args.environment;

    this.key = new aws.kms.Key(
      `${name}-key`,
      { description: `${envName(env, "logs")}: encrypts the audit trail and security logs`, enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30, policy: JSON.stringify(logsKeyPolicy(args.awsAccountId, args.region)) },
      parent,
    );
    new aws.kms.Alias(`${name}-key-alias`, { name: `alias/${envName(env, "logs")}`, targetKeyId: this.key.keyId }, parent);
    const logGroup = (role: string, logName: string) => new aws.cloudwatch.LogGroup(`${name}-${role}`, { name: logName, kmsKeyId: this.key.arn, retentionInDays: args.retentionDays }, parent);

    if (args.existingTrail) {
      this.trailLogGroupName = pulumi.output(args.existingTrail.logGroupName);
    } else {
      const trailGroup = logGroup("trail-logs", envPath(env, "cloudtrail"));
      this.trail = this.createTrail(name, args, trailGroup);
      this.trailLogGroupName = trailGroup.name;
    }

    const alarm = (metricName: string, namespace: string, severity: "critical" | "warning", description: string, threshold: number, dimensions?: Record<string, pulumi.Input<string>>) =>
      this.alarms.push(
        new aws.cloudwatch.MetricAlarm(
          `${name}-${metricName}`,
          {
            name: envName(env, metricName),
            alarmDescription: description,
            namespace,
            metricName,
            ...(dimensions ? { dimensions } : {}),
            statistic: "Sum",
            period: 300,
            evaluationPeriods: 1,
            threshold,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            treatMissingData: "notBreaching",
            actionsEnabled: true,
            alarmActions: [args.alertTopics[severity]],
          },
          parent,
        ),
      );

    // CIS: the published patterns, exactly; the tolerant variant only beside them.
    const cis = (f: CisFilter) => {
      new aws.cloudwatch.LogMetricFilter(`${name}-cis-${f.metric}`, { name: envName(env, `cis-${f.metric}`), logGroupName: this.trailLogGroupName, pattern: f.pattern, metricTransformation: { name: f.metric, namespace: CIS_NAMESPACE, value: "1" } }, parent);
      alarm(f.metric, CIS_NAMESPACE, CRITICAL_CIS.has(f.metric) ? "critical" : "warning", `${f.control}: ${f.watches}. Runbook: runbooks/${runbookOf(f.metric)}.md`, 1);
    };
    CIS_FILTERS.forEach(cis);
    if (args.ssoTolerantMfaAlarm) TOLERANT_FILTERS.forEach(cis);

    // The app's security log (the contract in lib/logs/vocabulary.ts), masked and audited.
    this.appLogGroup = logGroup("app-security", envPath(env, "security"));
    const findings = logGroup("app-security-findings", envPath(env, "security-findings"));
    new aws.cloudwatch.LogDataProtectionPolicy(
      `${name}-app-security-data-protection`,
      { logGroupName: this.appLogGroup.name, policyDocument: findings.name.apply((g) => JSON.stringify(dataProtectionPolicy(envName(env, "security-log-protection"), g))) },
      parent,
    );
    const appNamespace = `${envName(env, "security")}`;
    for (const spike of SPIKE_ALARMS) {
      new aws.cloudwatch.LogMetricFilter(`${name}-app-${spike.metric}`, { name: envName(env, `app-${spike.metric}`), logGroupName: this.appLogGroup.name, pattern: eventPattern(spike.events), metricTransformation: { name: spike.metric, namespace: appNamespace, value: "1", defaultValue: "0" } }, parent);
      alarm(spike.metric, appNamespace, spike.severity, `${spike.threshold} or more in 5 minutes: ${spike.watches} (${spike.events.join(", ")}). Runbook: runbooks/suspicious-authentication-activity.md`, spike.threshold);
    }
    alarm("LogEventsWithFindings", "AWS/Logs", "critical", "Sensitive data (secrets, tokens, card numbers, email addresses) reached the app's security log. Runbook: runbooks/sensitive-data-in-logs.md", 1, { LogGroupName: this.appLogGroup.name });

    this.cloudflareSecurityEvents(name, args);
    this.registerOutputs({ trailLogGroupName: this.trailLogGroupName, appLogGroupName: this.appLogGroup.name });
  }

  private createTrail(name: string, args: SecurityLoggingArgs, trailGroup: aws.cloudwatch.LogGroup): aws.cloudtrail.Trail {
    const parent = { parent: this };
    const env = args.environment;
    const trailName = envName(env, "audit");
    // Known before the trail exists, so the bucket policy can name it without a cycle.
    const trailArn = `arn:aws:cloudtrail:${args.region}:${args.awsAccountId}:trail/${trailName}`;
    const privateBucket = (role: string, encryption: pulumi.Input<aws.types.input.s3.BucketServerSideEncryptionConfigurationRule>, expirationDays: number) => {
      const bucket = new aws.s3.Bucket(`${name}-${role}`, { bucket: `${envName(env, role)}-${args.awsAccountId}`, forceDestroy: false }, parent);
      new aws.s3.BucketPublicAccessBlock(`${name}-${role}-public-access`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, parent);
      new aws.s3.BucketOwnershipControls(`${name}-${role}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);
      new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-${role}-encryption`, { bucket: bucket.id, rules: [encryption] }, parent);
      new aws.s3.BucketVersioning(`${name}-${role}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, parent);
      new aws.s3.BucketLifecycleConfiguration(
        `${name}-${role}-lifecycle`,
        { bucket: bucket.id, rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: expirationDays }, noncurrentVersionExpiration: { noncurrentDays: 30 }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] },
        parent,
      );
      return bucket;
    };
    // S3 delivers server access logs only to SSE-S3 buckets.
    const accessLogs = privateBucket("trail-access-logs", { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }, args.trailExpirationDays);
    const bucket = privateBucket("trail-bucket", { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.key.arn }, bucketKeyEnabled: true }, args.trailExpirationDays);
    new aws.s3.BucketPolicy(`${name}-trail-access-logs-policy`, { bucket: accessLogs.id, policy: pulumi.all([accessLogs.arn, bucket.arn]).apply(([a, b]) => JSON.stringify(accessLogBucketPolicy(a, args.awsAccountId, b))) }, parent);
    new aws.s3.BucketLogging(`${name}-trail-bucket-logging`, { bucket: bucket.id, targetBucket: accessLogs.id, targetPrefix: "trail/" }, parent);
    const policy = new aws.s3.BucketPolicy(`${name}-trail-bucket-policy`, { bucket: bucket.id, policy: bucket.arn.apply((b) => JSON.stringify(trailBucketPolicy(b, args.awsAccountId, trailArn))) }, parent);

    const role = new aws.iam.Role(`${name}-trail-delivery`, { name: envName(env, "cloudtrail-delivery"), assumeRolePolicy: JSON.stringify(cloudTrailAssumeRole) }, parent);
    new aws.iam.RolePolicy(`${name}-trail-delivery-policy`, { role: role.id, policy: trailGroup.arn.apply((g) => JSON.stringify(trailDeliveryPolicy(g))) }, parent);

    return new aws.cloudtrail.Trail(
      `${name}-trail`,
      {
        name: trailName,
        s3BucketName: bucket.id,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: this.key.arn,
        cloudWatchLogsGroupArn: pulumi.interpolate`${trailGroup.arn}:*`,
        cloudWatchLogsRoleArn: role.arn,
        eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }],
      },
      { ...parent, dependsOn: [policy] },
    );
  }

  private cloudflareSecurityEvents(name: string, args: SecurityLoggingArgs): void {
    const parent = { parent: this };
    // Security-event anomaly alerts exist on Business (firewall events) and Enterprise (both).
    const types = args.cloudflarePlan === "enterprise" ? ["clickhouse_alert_fw_anomaly", "clickhouse_alert_fw_ent_anomaly"] : args.cloudflarePlan === "business" ? ["clickhouse_alert_fw_anomaly"] : [];
    for (const alertType of types) {
      new cloudflare.NotificationPolicy(
        `${name}-cf-${alertType}`,
        {
          accountId: args.cloudflareAccountId,
          name: envName(args.environment, alertType.replace(/_/g, "-")),
          description: "A spike in security events at the edge. Runbook: runbooks/suspicious-authentication-activity.md",
          alertType,
          enabled: true,
          mechanisms: args.cloudflareMechanisms,
          filters: { zones: [args.zoneId] },
        },
        parent,
      );
    }
    if (args.logpush) {
      new cloudflare.LogpushJob(
        `${name}-firewall-logpush`,
        { zoneId: args.zoneId, name: envName(args.environment, "firewall-events"), dataset: "firewall_events", destinationConf: args.logpush.destination, ownershipChallenge: args.logpush.ownershipChallenge, enabled: true },
        parent,
      );
    }
  }
}
