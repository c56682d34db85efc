import type { PolicyConfigSchema, ReportViolation, ResourceValidation, StackValidation } from "@pulumi/policy";
import type { LaunchPolicy } from "./rule";

// Suppressions with accountability, in each rule's own entry of the policy config (the only
// place the Pulumi CLI hands a rule its settings):
//   "zone-hsts": { "enforcementLevel": "mandatory",
//     "suppress": [{ "resource": "edge-hsts", "reason": "TICKET-12: HSTS ramp-up", "expires": "2027-01-31" }] }
// `resource` is a URN or a name pattern (* matches any characters). A suppressed finding is still
// reported, as advisory and marked suppressed; an expired or reasonless suppression suppresses
// nothing and is itself a violation.

export interface Suppression {
  readonly resource: string;
  readonly reason?: string;
  /** Last day it applies, YYYY-MM-DD (UTC). */
  readonly expires?: string;
}

const SUPPRESS_SCHEMA: PolicyConfigSchema["properties"] = {
  suppress: {
    type: "array",
    default: [],
    items: { type: "object", properties: { resource: { type: "string" }, reason: { type: "string" }, expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } }, required: ["resource"] },
  },
};

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);

function find(entries: readonly Suppression[], urn: string | undefined): Suppression | undefined {
  if (!urn) return undefined;
  const name = urn.split("::").pop() ?? "";
  return entries.find((e) => e.resource === urn || glob(e.resource).test(name));
}

/** Why a suppression does not hold, or undefined when it does. */
export function suppressionProblem(s: Suppression, today = new Date().toISOString().slice(0, 10)): string | undefined {
  if (!s.reason?.trim()) return "has no reason";
  if (!s.expires) return "has no expiry date";
  if (s.expires < today) return `expired on ${s.expires}`;
  return undefined;
}

/** A report function that honours this rule's suppressions. */
function suppressing(report: ReportViolation, entries: readonly Suppression[], ownUrn?: string): ReportViolation {
  return (message, urn) => {
    const target = urn ?? ownUrn;
    const s = find(entries, target);
    const text = typeof message === "string" ? message : ((message as { message?: string }).message ?? "");
    if (!s) return report(message, urn);
    const problem = suppressionProblem(s);
    if (problem) {
      report(message, urn);
      return report(`the suppression for ${s.resource} ${problem}, so it suppresses nothing. Fix: give it a reason and an expiry date, or remove it.`, urn);
    }
    // The SDK passes unknown fields through; the offline plan reads `suppressed`.
    return report({ message: `suppressed until ${s.expires} (${s.reason}): ${text}`, enforcementLevel: "advisory", urn: target, suppressed: true } as never);
  };
}

export function withSuppressions(policy: LaunchPolicy): LaunchPolicy {
  const configSchema = { ...policy.configSchema, properties: { ...(policy.configSchema?.properties ?? {}), ...SUPPRESS_SCHEMA } };
  const entriesOf = (getConfig: <T extends object>() => T) => getConfig<{ suppress?: Suppression[] }>().suppress ?? [];
  if ("validateResource" in policy && policy.validateResource) {
    // Keep the type tag validateResourceOfType attaches: the analyzer uses it to skip other types.
    const wrap = (v: ResourceValidation): ResourceValidation =>
      Object.assign((args: Parameters<ResourceValidation>[0], report: ReportViolation) => v(args, suppressing(report, entriesOf(args.getConfig), args.urn)), { __pulumiType: (v as { __pulumiType?: string }).__pulumiType });
    const v = policy.validateResource;
    return { ...policy, configSchema, validateResource: Array.isArray(v) ? v.map(wrap) : wrap(v as ResourceValidation) };
  }
  if ("validateStack" in policy && policy.validateStack) {
    const v = policy.validateStack as StackValidation;
    return { ...policy, configSchema, validateStack: (args, report) => v(args, suppressing(report, entriesOf(args.getConfig))) };
  }
  return policy;
}
