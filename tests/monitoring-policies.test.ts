import { describe, expect, it } from "vitest";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { policies } from "../policies/policies";

const urn = (type: string, name: string) => `urn:pulumi:prod::launch-baseline::${type}::${name}`;
const P_EAST = urn("pulumi:providers:aws", "aws-us-east-1");
const P_WEST = urn("pulumi:providers:aws", "aws");
const provider = (u: string, region: string): CapturedResource => ({ urn: u, type: "pulumi:providers:aws", name: u.split("::").pop()!, custom: true, parent: null, provider: null, dependencies: [], inputs: { region, allowedAccountIds: '["222233334444"]', defaultTags: '{"tags":{"environment":"prod"}}' } });
const res = (type: string, name: string, inputs: Record<string, unknown>, opts: { provider?: string | null; deps?: string[] } = {}): CapturedResource => ({
  urn: urn(type, name),
  type,
  name,
  custom: true,
  parent: null,
  provider: opts.provider === undefined ? (type.startsWith("aws:") ? P_EAST : null) : opts.provider,
  dependencies: opts.deps ?? [],
  inputs,
});

const HC = "aws:route53/healthCheck:HealthCheck";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "aws:sns/topic:Topic";
const SUB = "aws:sns/topicSubscription:TopicSubscription";
const RULESET = "cloudflare:index/ruleset:Ruleset";

function stack(change: { drop?: string[]; alarm?: Record<string, unknown>; alarmProvider?: string; rateExpression?: string } = {}): CapturedResource[] {
  const all = [
    provider(P_EAST, "us-east-1"),
    provider(P_WEST, "eu-west-1"),
    res("cloudflare:index/dnsRecord:DnsRecord", "app", { zoneId: "z", name: "app.example.com", type: "CNAME", content: "lb.example.net", proxied: true, ttl: 1 }),
    res("cloudflare:index/dnsRecord:DnsRecord", "www", { zoneId: "z", name: "www.example.com", type: "CNAME", content: "example.com", proxied: true, ttl: 1 }),
    res(RULESET, "redirect", { zoneId: "z", kind: "zone", phase: "http_request_dynamic_redirect", name: "r", rules: [{ expression: '(http.host in {"www.example.com"})', action: "redirect" }] }),
    res(RULESET, "limits", { zoneId: "z", kind: "zone", phase: "http_ratelimit", name: "l", rules: [{ expression: change.rateExpression ?? '(http.request.uri.path in {"/api/auth/login" "/api/auth/signup" "/api/auth/password-reset"})', action: "block" }] }),
    res(HC, "app-check", { type: "HTTPS_STR_MATCH", fqdn: "app.example.com", tags: { environment: "prod" } }),
    res(TOPIC, "critical", { name: "critical", tags: { environment: "prod" } }),
    res(SUB, "oncall", { protocol: "email", endpoint: "oncall@example.com", topic: "arn:aws:sns:us-east-1:222233334444:critical" }, { deps: [urn(TOPIC, "critical")] }),
    res(ALARM, "app-down", { namespace: "AWS/Route53", metricName: "HealthCheckStatus", actionsEnabled: true, alarmActions: ["arn:aws:sns:us-east-1:222233334444:critical"], tags: { environment: "prod" }, ...change.alarm }, { provider: change.alarmProvider ?? P_EAST, deps: [urn(HC, "app-check"), urn(TOPIC, "critical")] }),
  ];
  return all.filter((r) => !change.drop?.includes(r.name));
}

const COVERAGE = ["uptime-checks-cover-hosts", "uptime-checks-have-alarms", "alarms-have-actions", "route53-alarms-in-us-east-1", "rate-limits-cover-auth"];
async function findings(stackName: string, resources: CapturedResource[]) {
  const v = await evaluatePolicies(policies, resources, resolvePolicyConfig(policies, `policies/config/${stackName}.json`));
  return v.filter((x) => COVERAGE.includes(x.policy)).map((x) => `${x.enforcementLevel} ${x.policy}: ${x.message}`);
}

describe("monitoring coverage rules", () => {
  it("pass a covered stack (www only redirects, so it needs no check of its own)", async () => {
    expect(await findings("prod", stack())).toEqual([]);
  });

  it.each([
    ["a public host without a check", { drop: ["app-check", "app-down"] }, ["mandatory uptime-checks-cover-hosts: app.example.com is public (proxied) but has no uptime check."]],
    ["a check without an alarm", { drop: ["app-down"] }, ["mandatory uptime-checks-have-alarms: health check app-check has no HealthCheckStatus alarm."]],
    ["a topic without a subscription", { drop: ["oncall"] }, ["mandatory alarms-have-actions: topic critical, which alarm app-down notifies, has no subscription."]],
    ["an alarm with actions disabled", { alarm: { actionsEnabled: false } }, ["mandatory alarms-have-actions: alarm app-down has its actions disabled: it would fire silently."]],
    ["an alarm that notifies nobody", { alarm: { alarmActions: [] } }, ["mandatory alarms-have-actions: alarm app-down notifies nobody (no alarmActions)."]],
    ["a Route 53 alarm outside us-east-1", { alarmProvider: P_WEST }, ["mandatory route53-alarms-in-us-east-1: alarm app-down watches a Route 53 metric from eu-west-1; it must be in us-east-1."]],
    ["rate limits that miss signup and password reset", { rateExpression: '(http.request.uri.path in {"/api/auth/login"})' }, ["mandatory rate-limits-cover-auth: no rate-limiting rule matches POST /api/auth/signup.", "mandatory rate-limits-cover-auth: no rate-limiting rule matches POST /api/auth/password-reset."]],
    ["rate limits on GET only", { rateExpression: '(http.request.method eq "GET" and http.request.uri.path in {"/api/auth/login" "/api/auth/signup" "/api/auth/password-reset"})' }, ["mandatory rate-limits-cover-auth: no rate-limiting rule matches POST /api/auth/login.", "mandatory rate-limits-cover-auth: no rate-limiting rule matches POST /api/auth/signup.", "mandatory rate-limits-cover-auth: no rate-limiting rule matches POST /api/auth/password-reset."]],
  ] as const)("block %s in prod", async (_what, change, expected) => {
    expect(await findings("prod", stack(change as never))).toEqual(expected);
  });

  it("are advisory in dev", async () => {
    expect(await findings("dev", stack({ drop: ["oncall"] }))).toEqual(["advisory alarms-have-actions: topic critical, which alarm app-down notifies, has no subscription."]);
  });
});
