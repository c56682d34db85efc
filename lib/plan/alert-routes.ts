import type { CapturedResource } from "./types";
import { toDisplay } from "./wire";

export interface AlertRoute {
  /** The alarm or notification that fires. */
  readonly source: string;
  /** What it watches, in a few words. */
  readonly watches: string;
  /** Topic it notifies, for AWS alarms. */
  readonly via?: string;
  /** Who is paged: `email a@b`, `https [secret]`, `1 webhook`. */
  readonly targets: readonly string[];
}

const inputs = (r: CapturedResource) => toDisplay(r.inputs) as Record<string, any>;

/** Which check or alarm pages whom, read from the planned resources. */
const OPERATORS: Record<string, string> = { LessThanThreshold: "<", LessThanOrEqualToThreshold: "<=", GreaterThanThreshold: ">", GreaterThanOrEqualToThreshold: ">=" };

export function alertRoutes(resources: readonly CapturedResource[]): AlertRoute[] {
  const topics = resources.filter((r) => r.type === "aws:sns/topic:Topic");
  const subscriptions = resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription");
  const routes: AlertRoute[] = [];
  for (const alarm of resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")) {
    const a = inputs(alarm);
    const watches = `${a.metricName} ${OPERATORS[String(a.comparisonOperator)] ?? a.comparisonOperator} ${a.threshold}`;
    for (const topic of topics.filter((t) => alarm.dependencies.includes(t.urn))) {
      const targets = subscriptions.filter((s) => s.dependencies.includes(topic.urn)).map((s) => `${inputs(s).protocol} ${inputs(s).endpoint}`);
      routes.push({ source: String(a.name ?? alarm.name), watches, via: String(inputs(topic).name ?? topic.name), targets });
    }
  }
  for (const n of resources.filter((r) => r.type === "cloudflare:index/notificationPolicy:NotificationPolicy")) {
    const p = inputs(n);
    const emails = ((p.mechanisms?.emails ?? []) as Array<{ id: string }>).map((e) => `email ${e.id}`);
    const hooks = (p.mechanisms?.webhooks ?? []).length;
    routes.push({ source: `Cloudflare ${p.name}`, watches: String(p.alertType), targets: [...emails, ...(hooks ? [`${hooks} webhook${hooks > 1 ? "s" : ""}`] : [])] });
  }
  return routes;
}
