import type { PolicyResource } from "@pulumi/policy";

// Shared reading of the monitoring resources a stack declares, for the coverage rules. Records
// with values known only after deploy are skipped here; the resource itself is checked at deploy.

export const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
export const METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const SNS_TOPIC = "aws:sns/topic:Topic";
export const SNS_SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
export const RULESET = "cloudflare:index/ruleset:Ruleset";

export const ofType = (resources: readonly PolicyResource[], type: string) => resources.filter((r) => r.type === type);

/** Reads fields of a resource, or undefined when one is unknown until deploy. */
export function known<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if ((e as Error).constructor?.name === "UnknownValueError") return undefined;
    throw e;
  }
}

export const dependsOn = (r: PolicyResource, target: PolicyResource) => r.dependencies.some((d) => d.urn === target.urn);

/** Region a resource is created in: its own `region` input, else its provider's. */
export function regionOf(r: PolicyResource): string | undefined {
  return known(() => (r.props.region as string | undefined) ?? (r.provider?.props.region as string | undefined));
}
