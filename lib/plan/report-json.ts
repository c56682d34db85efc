import { alertRoutes } from "./alert-routes";
import { auditTrailNote } from "./audit-trail";
import type { PlanResult } from "./plan";
import { toDisplay } from "./wire";
import { zoneJson } from "../zone/report";

/** The `plan --json` document (DESIGN.md, "Contracts"). Secrets print as "[secret]". */
export function planDocument(r: PlanResult) {
  return {
    stack: r.stack,
    project: r.project,
    offline: true as const,
    // `dependencies` is an addition to the contract: what `pulumi stack export` records too.
    resources: r.resources.map((res) => ({ urn: res.urn, type: res.type, name: res.name, parent: res.parent, provider: res.provider, dependencies: res.dependencies, ...(res.importId ? { import: res.importId } : {}), inputs: toDisplay(res.inputs) })),
    outputs: toDisplay(r.outputs),
    // `undecided` appears only on findings a rule could not decide offline.
    policy: { violations: r.violations.map(({ policy, enforcementLevel, severity, urn, message, undecided, suppressed }) => ({ policy, enforcementLevel, severity, urn, message, ...(undecided ? { undecided } : {}), ...(suppressed ? { suppressed } : {}) })) },
    /** Which check or alarm pages whom (an addition to the contract; secret endpoints masked). */
    alertRoutes: alertRoutes(r.resources),
    /** Which trail records the account: the stack's own or the organisation's (an addition). */
    auditTrail: (({ text: _, ...note }) => note)(auditTrailNote(r.resources)),
    /** The plan against the live zone (--existing-zone, --cloudflare-api): imports, left alone, clean-up. */
    ...(r.zone ? { existingZone: zoneJson(r.zone) } : {}),
    passed: r.passed,
  };
}
export type PlanDocument = ReturnType<typeof planDocument>;
