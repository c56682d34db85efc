import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { planJson, runPlan, type PlanJson } from "./helpers/run-plan";

const ACCOUNT = { prod: "222233334444", staging: "333344445555", dev: "444455556666" } as const;
const CHECKS = {
  prod: [["homepage", "example.com", "/", "<title>"], ["login", "app.example.com", "/login", "Sign in"], ["api-health", "api.example.com", "/health", '"status":"ok"']],
  staging: [["homepage", "app.staging.example.com", "/", "<title>"], ["login", "app.staging.example.com", "/login", "Sign in"], ["api-health", "api.staging.example.com", "/health", '"status":"ok"']],
  dev: [["homepage", "app.dev.example.com", "/", "<title>"], ["login", "app.dev.example.com", "/login", "Sign in"], ["api-health", "api.dev.example.com", "/health", '"status":"ok"']],
} as const;

const docs: Record<string, PlanJson> = {};
beforeAll(async () => {
  await Promise.all((["prod", "staging", "dev"] as const).map(async (s) => (docs[s] = (await planJson(s)).doc)));
});

describe.each(["prod", "staging", "dev"] as const)("stack %s", (env) => {
  const doc = () => docs[env];
  const byName = (n: string) => doc().resources.find((r) => r.name === n)!;
  const usEast1 = `urn:pulumi:${env}::launch-baseline::pulumi:providers:aws::aws-us-east-1`;

  it("checks the homepage, login page and API health over HTTPS from three regions, measuring latency", () => {
    for (const [name, fqdn, path, match] of CHECKS[env]) {
      expect(byName(`uptime-${name}`).inputs).toEqual({
        type: "HTTPS_STR_MATCH",
        fqdn,
        port: 443,
        resourcePath: path,
        searchString: match,
        enableSni: true,
        requestInterval: 30,
        failureThreshold: 3,
        measureLatency: true,
        regions: ["us-east-1", "eu-west-1", "ap-southeast-1"],
        referenceName: `${env}-${name}`,
        tags: { Name: `launch-baseline-${env}-${name}` },
      });
    }
  });

  it("alarms on each check's status (critical) and its time to first byte over 500 ms (warning), in us-east-1, naming the runbook", () => {
    const critical = `arn:aws:sns:us-east-1:${ACCOUNT[env]}:launch-baseline-${env}-alerts-critical`;
    const warning = `arn:aws:sns:us-east-1:${ACCOUNT[env]}:launch-baseline-${env}-alerts-warning`;
    for (const [name, fqdn, path] of CHECKS[env]) {
      const healthCheckId = expect.stringMatching(new RegExp(`^uptime-${name}-[0-9a-f]{8}$`));
      const status = byName(`uptime-${name}-status`);
      expect(status.provider).toBe(usEast1);
      expect(status.inputs).toEqual({
        name: `launch-baseline-${env}-${name}-down`,
        alarmDescription: `https://${fqdn}${path} failed its health check from several regions. Runbook: runbooks/origin-down.md`,
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: healthCheckId },
        statistic: "Minimum",
        period: 60,
        evaluationPeriods: 2,
        threshold: 1,
        comparisonOperator: "LessThanThreshold",
        treatMissingData: "breaching",
        actionsEnabled: true,
        alarmActions: [critical],
        okActions: [critical],
      });
      const latency = byName(`uptime-${name}-latency`);
      expect(latency.provider).toBe(usEast1);
      expect(latency.inputs).toMatchObject({ metricName: "TimeToFirstByte", statistic: "Average", threshold: 500, comparisonOperator: "GreaterThanThreshold", period: 300, evaluationPeriods: 3, alarmActions: [warning], alarmDescription: expect.stringContaining("Runbook: runbooks/slow-responses.md") });
      expect((latency.inputs.dimensions as { HealthCheckId: string }).HealthCheckId).toBe((status.inputs.dimensions as { HealthCheckId: string }).HealthCheckId);
    }
  });

  it("publishes to encrypted topics in us-east-1 that CloudWatch may use, subscribed from config", () => {
    const key = byName("uptime-alerts-key");
    expect(key.provider).toBe(usEast1);
    expect(JSON.parse(key.inputs.policy as string).Statement[1]).toEqual({ Sid: "CloudWatchPublishesAlarms", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" });
    for (const severity of ["critical", "warning"]) {
      const topic = byName(`uptime-${severity}`);
      expect(topic.inputs).toEqual({ name: `launch-baseline-${env}-alerts-${severity}`, kmsMasterKeyId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(topic.provider).toBe(usEast1);
    }
    const subs = doc().resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription").map((r) => [r.name, r.inputs.protocol, r.inputs.endpoint]);
    expect(subs.sort()).toEqual([
      ["uptime-critical-email-0", "email", "oncall@example.com"],
      ...(env === "prod" ? [["uptime-critical-webhook-0", "https", "[secret]"]] : []),
      ["uptime-warning-email-0", "email", "platform-team@example.com"],
    ]);
  });

  it("routes Cloudflare's certificate, DDoS and origin notifications to the critical contacts", () => {
    const policies = doc().resources.filter((r) => r.type === "cloudflare:index/notificationPolicy:NotificationPolicy" && r.name.startsWith("uptime-")).map((r) => [r.inputs.alertType, (r.inputs.mechanisms as { emails: unknown[] }).emails]);
    expect(policies.sort()).toEqual([
      ["dos_attack_l7", [{ id: "oncall@example.com" }]],
      ["real_origin_monitoring", [{ id: "oncall@example.com" }]],
      ["universal_ssl_event_type", [{ id: "oncall@example.com" }]],
    ]);
    const webhooks = doc().resources.filter((r) => r.type === "cloudflare:index/notificationPolicyWebhooks:NotificationPolicyWebhooks");
    expect(webhooks.map((w) => w.inputs.url)).toEqual(env === "prod" ? ["[secret]"] : []);
  });
});

describe("alert routes in the plan", () => {
  it("the text plan says which check or alarm pages whom, with secret endpoints masked", async () => {
    const r = await runPlan(["--stack", "prod"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Alert routes (who is paged):\n    launch-baseline-prod-homepage-down (HealthCheckStatus < 1) -> launch-baseline-prod-alerts-critical -> email oncall@example.com, https [secret]\n");
    expect(r.stdout).toContain("    launch-baseline-prod-api-health-slow (TimeToFirstByte > 500) -> launch-baseline-prod-alerts-warning -> email platform-team@example.com\n");
    expect(r.stdout).toContain("    Cloudflare launch-baseline-prod-ssl (universal_ssl_event_type) -> email oncall@example.com, 1 webhook\n");
  });

  it("and so does the JSON plan, per environment", () => {
    expect(docs.staging.alertRoutes).toContainEqual({ source: "launch-baseline-staging-login-down", watches: "HealthCheckStatus < 1", via: "launch-baseline-staging-alerts-critical", targets: ["email oncall@example.com"], severity: "critical", runbook: "runbooks/origin-down.md" });
    expect(docs.prod.alertRoutes).toContainEqual({ source: "Cloudflare launch-baseline-prod-ssl", watches: "universal_ssl_event_type", targets: ["email oncall@example.com", "1 webhook"], severity: "critical", runbook: "runbooks/tls-certificate-failure.md" });
    // Every route says its severity and names a runbook that exists.
    for (const route of Object.values(docs).flatMap((d) => d.alertRoutes)) {
      expect(["critical", "warning"], route.source).toContain(route.severity);
      expect(existsSync(route.runbook!), route.source).toBe(true);
    }
    // 9 for uptime, 15 CIS alarms, 5 spikes and the data-protection findings alarm.
    expect((docs.dev.alertRoutes as unknown[]).length).toBe(30);
  });
});
