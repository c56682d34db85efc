import type { ReportViolation, ResourceValidation, ResourceValidationArgs, StackValidation, StackValidationArgs } from "@pulumi/policy";
import { schemaDefaults } from "../lib/plan/config-schema";
import type { LaunchPolicy } from "./rule";

// The CLI fills each setting's schema default before Configure; a pack driven by anything else
// (an older CLI, `pulumi policy analyze`, a service) may send only the enforcement level. So the
// pack fills the defaults itself, and a required setting that is still missing is one clear
// violation, never a rule throwing on `undefined`.

type Args = ResourceValidationArgs | StackValidationArgs;

export function withConfigDefaults(policy: LaunchPolicy): LaunchPolicy {
  const defaults = schemaDefaults(policy.configSchema);
  const required = policy.configSchema?.required ?? [];
  /** Runs the rule with the defaults under the given config, or reports what is missing. */
  const guarded = <A extends Args>(rule: (args: A, report: ReportViolation) => void | Promise<void>) => (args: A, report: ReportViolation): void | Promise<void> => {
    const given = args.getConfig<Record<string, unknown>>();
    const config = { ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
    const missing = required.filter((k) => config[k] === undefined);
    if (missing.length) return report(`the policy config gives no ${missing.join(", ")}, so this rule cannot judge the stack. Fix: set "${policy.name}": { "${missing[0]}": … } in the pack's config (policies/config/<stack>.json).`);
    // The args object is made for this one call; assigning, not spreading, keeps large stacks fast.
    args.getConfig = <T extends object>() => ({ ...config }) as T;
    return rule(args, report);
  };
  if ("validateResource" in policy && policy.validateResource) {
    // Keep the type tag validateResourceOfType attaches: the analyzer uses it to skip other types.
    const wrap = (v: ResourceValidation): ResourceValidation => Object.assign(guarded<ResourceValidationArgs>(v), { __pulumiType: (v as { __pulumiType?: string }).__pulumiType });
    const v = policy.validateResource;
    return { ...policy, validateResource: Array.isArray(v) ? v.map(wrap) : wrap(v as ResourceValidation) };
  }
  if ("validateStack" in policy && policy.validateStack) return { ...policy, validateStack: guarded<StackValidationArgs>(policy.validateStack as StackValidation) };
  return policy;
}
