import { asvs, type LaunchStackPolicy } from "../rule";
import { METRIC_ALARM, SNS_SUBSCRIPTION, SNS_TOPIC, dependsOn, known, ofType } from "./monitoring";

export const alarmsHaveActions: LaunchStackPolicy = {
  name: "alarms-have-actions",
  description: "Every alarm is enabled and notifies a topic, and every topic an alarm notifies has at least one subscription.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Route alarms to the critical or warning topic and subscribe someone with launch-baseline:alerts (emails, or webhooks held as secrets). Confirm email subscriptions: they stay pending until clicked.",
  references: [asvs("V7.4.3", "Security logging and monitoring detect and alert on failures")],
  runbook: "alerts-not-arriving",
  validateStack: (args, report) => {
    const topics = ofType(args.resources, SNS_TOPIC);
    const subscriptions = ofType(args.resources, SNS_SUBSCRIPTION);
    for (const alarm of ofType(args.resources, METRIC_ALARM)) {
      const a = known(() => ({ enabled: alarm.props.actionsEnabled !== false, actions: (alarm.props.alarmActions as string[] | undefined) ?? [] }));
      if (!a) continue;
      if (!a.enabled) report(`alarm ${alarm.name} has its actions disabled: it would fire silently.`, alarm.urn);
      if (a.actions.length === 0) report(`alarm ${alarm.name} notifies nobody (no alarmActions).`, alarm.urn);
      for (const topic of topics.filter((t) => dependsOn(alarm, t))) {
        if (!subscriptions.some((s) => dependsOn(s, topic))) report(`topic ${topic.name}, which alarm ${alarm.name} notifies, has no subscription.`, topic.urn);
      }
    }
  },
};
