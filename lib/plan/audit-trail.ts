import type { CapturedResource } from "./types";
import { toDisplay } from "./wire";

// Which trail records the account's API activity, for the plan's reports: the one the stack
// creates, or the organisation's, named in launch-baseline:logging.existingTrail.

export interface AuditTrailNote {
  readonly source: "stack" | "organisation" | "none";
  readonly trail?: string;
  readonly logGroup?: string;
  readonly text: string;
}

export function auditTrailNote(resources: readonly CapturedResource[]): AuditTrailNote {
  const trail = resources.find((r) => r.type === "aws:cloudtrail/trail:Trail");
  if (trail) {
    const i = toDisplay(trail.inputs) as Record<string, string>;
    const group = String(i.cloudWatchLogsGroupArn ?? "").replace(/^arn:[^:]+:logs:[^:]+:\d+:log-group:/, "").replace(/:\*$/, "");
    return { source: "stack", trail: i.name, logGroup: group, text: `a new multi-region trail ${i.name}, delivering to ${group}; the CIS alarms watch it` };
  }
  const component = resources.find((r) => r.type === "launch:logging:SecurityLogging");
  const existing = component && ((toDisplay(component.inputs) as Record<string, any>).existingTrail as { arn: string; logGroupName: string } | undefined);
  if (existing) return { source: "organisation", trail: existing.arn, logGroup: existing.logGroupName, text: `the organisation's trail ${existing.arn} (launch-baseline:logging.existingTrail); this stack creates none, and puts the CIS alarms on ${existing.logGroupName}` };
  return { source: "none", text: "none: this stack neither creates a trail nor names one" };
}
