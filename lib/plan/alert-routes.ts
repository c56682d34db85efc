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
  /** The severity route it takes (critical, warning), when the plan shows it. */
  readonly severity?: string;
  /** The runbook its description names: `runbooks/origin-down.md`. */
  readonly runbook?: string;
}

const inputs = (r: CapturedResource) => toDisplay(r.inputs) as Record<string, any>;

const OPERATORS: Record<string, string> = { LessThanThreshold: "<", LessThanOrEqualToThreshold: "<=", GreaterThanThreshold: ">", GreaterThanOrEqualToThreshold: ">=" };
/** Topics and Cloudflare webhooks are named by their severity: `...-alerts-critical`, `...-critical-0`. */
const SEVERITY = /-(critical|warning)(?:-\d+)?$/;
const runbookIn = (text: unknown) => /\brunbooks\/[a-z0-9-]+\.md\b/.exec(String(text ?? ""))?.[0];

/** Which check or alarm pages whom, read from the planned resources. */
export function alertRoutes(resources: readonly CapturedResource[]): AlertRoute[] {
  const topics = resources.filter((r) => r.type === "aws:sns/topic:Topic");
  const subscriptions = resources.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription");
  const targetsOf = (topic: CapturedResource) => subscriptions.filter((s) => s.dependencies.includes(topic.urn)).map((s) => `${inputs(s).protocol} ${inputs(s).endpoint}`);
  const severityOf = (topic: CapturedResource) => SEVERITY.exec(String(inputs(topic).name ?? topic.name))?.[1];
  const routes: AlertRoute[] = [];
  for (const alarm of resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")) {
    const a = inputs(alarm);
    const watches = `${a.metricName} ${OPERATORS[String(a.comparisonOperator)] ?? a.comparisonOperator} ${a.threshold}`;
    for (const topic of topics.filter((t) => alarm.dependencies.includes(t.urn))) {
      routes.push({ source: String(a.name ?? alarm.name), watches, via: String(inputs(topic).name ?? topic.name), targets: targetsOf(topic), severity: severityOf(topic), runbook: runbookIn(a.alarmDescription) });
    }
  }
  const webhooks = resources.filter((r) => r.type === "cloudflare:index/notificationPolicyWebhooks:NotificationPolicyWebhooks");
  for (const n of resources.filter((r) => r.type === "cloudflare:index/notificationPolicy:NotificationPolicy")) {
    const p = inputs(n);
    const emails = ((p.mechanisms?.emails ?? []) as Array<{ id: string }>).map((e) => `email ${e.id}`);
    const hooks = (p.mechanisms?.webhooks ?? []).length;
    // Its severity: that of the webhooks it calls, else that of the topic with the same people.
    const hookSeverity = webhooks.filter((w) => n.dependencies.includes(w.urn)).map((w) => SEVERITY.exec(String(inputs(w).name))?.[1]).find(Boolean);
    const sameEmails = topics.find((t) => emails.length > 0 && emails.every((e) => targetsOf(t).includes(e)) && targetsOf(t).filter((x) => x.startsWith("email ")).length === emails.length);
    routes.push({
      source: `Cloudflare ${p.name}`,
      watches: String(p.alertType),
      targets: [...emails, ...(hooks ? [`${hooks} webhook${hooks > 1 ? "s" : ""}`] : [])],
      severity: hookSeverity ?? (sameEmails ? severityOf(sameEmails) : undefined),
      runbook: runbookIn(p.description),
    });
  }
  return routes;
}
