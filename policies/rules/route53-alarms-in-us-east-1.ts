import { type LaunchStackPolicy } from "../rule";
import { METRIC_ALARM, known, ofType, regionOf } from "./monitoring";

export const route53AlarmsInUsEast1: LaunchStackPolicy = {
  name: "route53-alarms-in-us-east-1",
  description: "Alarms on Route 53 health check metrics live in us-east-1, the only region that has those metrics; elsewhere they never leave INSUFFICIENT_DATA.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Create the alarm with the us-east-1 AWS provider (index.ts passes it to UptimeMonitoring), or set its region input to us-east-1.",
  references: [{ standard: "Vendor", id: "AWS Route 53", title: "Monitoring health checks using CloudWatch", url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html" }],
  runbook: "alerts-not-arriving",
  validateStack: (args, report) => {
    for (const alarm of ofType(args.resources, METRIC_ALARM)) {
      if (known(() => alarm.props.namespace) !== "AWS/Route53") continue;
      const region = regionOf(alarm);
      if (region !== "us-east-1") report(`alarm ${alarm.name} watches a Route 53 metric from ${region ?? "an unpinned region"}; it must be in us-east-1.`, alarm.urn);
    }
  },
};
