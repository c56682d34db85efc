import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { CloudflarePlan, Environment } from "../lib/config/keys";
import { PLAN_LIMITS } from "../lib/edge/rate-limits";
import { envName } from "../lib/naming";

export interface AlertRoute {
  readonly emails: readonly string[];
  /** https:// endpoints (PagerDuty, incident webhooks); their URLs are secrets. */
  readonly webhookUrls: readonly pulumi.Input<string>[];
}

export interface UptimeCheck {
  readonly name: string;
  readonly url: string;
  readonly match: string;
}

export interface UptimeMonitoringArgs {
  readonly environment: Environment;
  readonly awsAccountId: string;
  readonly cloudflareAccountId: pulumi.Input<string>;
  readonly zoneId: pulumi.Input<string>;
  readonly cloudflarePlan: CloudflarePlan;
  readonly checks: readonly UptimeCheck[];
  /** Route 53 checker regions; at least three. */
  readonly regions: readonly string[];
  readonly critical: AlertRoute;
  readonly warning: AlertRoute;
}

/** The checklist's latency target for the main flows. */
export const LATENCY_TARGET_MS = 500;

/**
 * Uptime checks on the homepage, the login page and the API health endpoint; an alarm on each
 * check's status (critical) and time to first byte (warning); encrypted SNS topics that page
 * whoever config names; and Cloudflare's own notifications routed the same way. Route 53 metrics
 * exist only in us-east-1, so the parent must pass a us-east-1 AWS provider.
 */
export class UptimeMonitoring extends pulumi.ComponentResource {
  public readonly topics: { readonly critical: aws.sns.Topic; readonly warning: aws.sns.Topic };
  public readonly healthChecks: Record<string, aws.route53.HealthCheck> = {};
  public readonly alarms: aws.cloudwatch.MetricAlarm[] = [];
  /** Who Cloudflare notifies on the critical route: other components' notifications reuse it. */
  public readonly cloudflareMechanisms: cloudflare.types.input.NotificationPolicyMechanisms;

  constructor(name: string, args: UptimeMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:monitoring:UptimeMonitoring", name, args, opts);
    if (args.regions.length < 3) throw new Error("UptimeMonitoring: check from at least three regions");
    const parent = { parent: this };

    // CloudWatch can publish to an encrypted topic only with a key whose policy lets it.
    const key = new aws.kms.Key(
      `${name}-alerts-key`,
      {
        description: `${envName(args.environment, "alerts")}: encrypts alert topics`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${args.awsAccountId}:root` }, Action: "kms:*", Resource: "*" },
            { Sid: "CloudWatchPublishesAlarms", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" },
          ],
        }),
      },
      parent,
    );
    const topic = (severity: "critical" | "warning", route: AlertRoute) => {
      const t = new aws.sns.Topic(`${name}-${severity}`, { name: envName(args.environment, `alerts-${severity}`), kmsMasterKeyId: key.id }, parent);
      route.emails.forEach((e, i) => new aws.sns.TopicSubscription(`${name}-${severity}-email-${i}`, { topic: t.arn, protocol: "email", endpoint: e }, parent));
      route.webhookUrls.forEach((u, i) => new aws.sns.TopicSubscription(`${name}-${severity}-webhook-${i}`, { topic: t.arn, protocol: "https", endpoint: pulumi.secret(u), endpointAutoConfirms: true }, parent));
      return t;
    };
    this.topics = { critical: topic("critical", args.critical), warning: topic("warning", args.warning) };

    for (const check of args.checks) {
      const url = new URL(check.url);
      const hc = new aws.route53.HealthCheck(
        `${name}-${check.name}`,
        {
          type: "HTTPS_STR_MATCH",
          fqdn: url.hostname,
          port: 443,
          resourcePath: `${url.pathname}${url.search}`,
          searchString: check.match,
          enableSni: true,
          requestInterval: 30,
          failureThreshold: 3,
          measureLatency: true,
          regions: [...args.regions],
          referenceName: `${args.environment}-${check.name}`.slice(0, 64),
          tags: { Name: `${envName(args.environment, check.name)}` },
        },
        parent,
      );
      this.healthChecks[check.name] = hc;
      const dimensions = { HealthCheckId: hc.id };
      this.alarms.push(
        new aws.cloudwatch.MetricAlarm(
          `${name}-${check.name}-status`,
          {
            name: envName(args.environment, `${check.name}-down`),
            alarmDescription: `${check.url} failed its health check from several regions. Runbook: runbooks/origin-down.md`,
            namespace: "AWS/Route53",
            metricName: "HealthCheckStatus",
            dimensions,
            statistic: "Minimum",
            period: 60,
            evaluationPeriods: 2,
            threshold: 1,
            comparisonOperator: "LessThanThreshold",
            treatMissingData: "breaching",
            actionsEnabled: true,
            alarmActions: [this.topics.critical.arn],
            okActions: [this.topics.critical.arn],
          },
          parent,
        ),
        new aws.cloudwatch.MetricAlarm(
          `${name}-${check.name}-latency`,
          {
            name: envName(args.environment, `${check.name}-slow`),
            alarmDescription: `${check.url} takes over ${LATENCY_TARGET_MS} ms to first byte (the checklist's target). Runbook: runbooks/slow-responses.md`,
            namespace: "AWS/Route53",
            metricName: "TimeToFirstByte",
            dimensions,
            statistic: "Average",
            period: 300,
            evaluationPeriods: 3,
            threshold: LATENCY_TARGET_MS,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            actionsEnabled: true,
            alarmActions: [this.topics.warning.arn],
            okActions: [this.topics.warning.arn],
          },
          parent,
        ),
      );
    }

    // Cloudflare's notifications, routed to the same people.
    const webhooks = (severity: "critical" | "warning", route: AlertRoute) =>
      route.webhookUrls.map((u, i) => new cloudflare.NotificationPolicyWebhooks(`${name}-cf-${severity}-webhook-${i}`, { accountId: args.cloudflareAccountId, name: `${envName(args.environment, severity)}-${i}`, url: pulumi.secret(u) }, parent));
    const criticalHooks = webhooks("critical", args.critical);
    const mechanisms = { emails: args.critical.emails.map((id) => ({ id })), webhooks: criticalHooks.map((w) => ({ id: w.id })) };
    this.cloudflareMechanisms = mechanisms;
    const limits = PLAN_LIMITS[args.cloudflarePlan];
    const notifications: Array<[string, string, string]> = [
      ["ssl", "universal_ssl_event_type", "Edge certificate events. Runbook: runbooks/tls-certificate-failure.md"],
      ["ddos-l7", "dos_attack_l7", "HTTP DDoS attack mitigated. Runbook: runbooks/ddos-or-traffic-spike.md"],
      ["origin-unreachable", "real_origin_monitoring", "Cloudflare cannot reach the origin (521). Runbook: runbooks/origin-down.md"],
      ...(limits.originErrorRateAlert ? ([["origin-error-rate", "http_alert_origin_error", "Origin 5xx error rate. Runbook: runbooks/origin-down.md"]] as Array<[string, string, string]>) : []),
    ];
    for (const [role, alertType, description] of notifications) {
      new cloudflare.NotificationPolicy(
        `${name}-cf-${role}`,
        {
          accountId: args.cloudflareAccountId,
          name: envName(args.environment, role),
          description,
          alertType,
          enabled: true,
          mechanisms,
          ...(alertType === "real_origin_monitoring" ? {} : { filters: { zones: [args.zoneId] } }),
        },
        parent,
      );
    }
    this.registerOutputs({});
  }
}
