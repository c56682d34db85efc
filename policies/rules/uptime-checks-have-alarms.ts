import { asvs, type LaunchStackPolicy } from "../rule";
import { HEALTH_CHECK, METRIC_ALARM, dependsOn, known, ofType } from "./monitoring";

export const uptimeChecksHaveAlarms: LaunchStackPolicy = {
  name: "uptime-checks-have-alarms",
  description: "Every uptime check has a CloudWatch alarm on its HealthCheckStatus: a check nobody is told about is not monitoring.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Create checks through the UptimeMonitoring component, which gives each a status alarm (critical) and a latency alarm (warning).",
  references: [asvs("V7.4.3", "Security logging and monitoring detect and alert on failures")],
  runbook: "alerts-not-arriving",
  validateStack: (args, report) => {
    const statusAlarms = ofType(args.resources, METRIC_ALARM).filter((a) => known(() => a.props.metricName) === "HealthCheckStatus");
    for (const check of ofType(args.resources, HEALTH_CHECK)) {
      if (!statusAlarms.some((a) => dependsOn(a, check))) report(`health check ${check.name} has no HealthCheckStatus alarm.`, check.urn);
    }
  },
};
