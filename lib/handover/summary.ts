import type { PlanResult } from "../plan/plan";
import type { Routing } from "./routing";

// The top of the handover: what someone paged at 3 a.m. reads first. The stack, the verdict per
// launch area (the gate's, and the live verifier's when a report was given), the open risks, and
// where each severity of alert goes.

/** What `npm run verify -- --json` prints (DESIGN.md, Contracts). */
export interface VerifyReport {
  readonly target: string;
  readonly checks: ReadonlyArray<{ id: string; area: string; status: string; summary: string; runbook: string }>;
  readonly scorecard: ReadonlyArray<{ area: string; status: string; reason?: string }>;
}

// The checklist's ten areas, and the rules that speak for each; areas no rule covers say so.
const AREAS: ReadonlyArray<[string, readonly string[]]> = [
  ["Authentication", []],
  ["Authorization", []],
  ["Input validation", []],
  ["Secrets handling", ["no-exposed-secrets", "secrets-storage", "stack-outputs-secret"]],
  ["Rate limiting", ["rate-limits-cover-auth"]],
  ["CORS and CSRF", []],
  ["Email security", ["dns-spf-valid", "dns-spf-one-per-name", "dns-dmarc-valid", "dns-dkim-key-strength", "dns-mail-records-not-proxied"]],
  ["Transport security", ["zone-ssl-strict", "zone-always-use-https", "zone-min-tls-version", "zone-hsts"]],
  // Two halves: uptime, and security events (audit trail, CIS alarms, the app's security log).
  ["Logging and monitoring", ["uptime-checks-cover-hosts", "uptime-checks-have-alarms", "alarms-have-actions", "route53-alarms-in-us-east-1", "audit-trail", "trail-bucket-private", "log-groups-protected", "cis-alarms", "security-log-data-protection"]],
  ["Deployment hygiene", ["no-debug-mode", "zone-development-mode-off", "environment-separation"]],
];

export interface AreaVerdict {
  readonly area: string;
  /** pass, warn, fail, or "not checked" where no rule can judge the area. */
  readonly gate: string;
  readonly findings: number;
  /** The live verifier's verdict, "not run" without a report. */
  readonly live: string;
}

export interface Summary {
  readonly stack: string;
  readonly source: string;
  readonly areas: readonly AreaVerdict[];
  /** Mandatory findings: the deploy is blocked while there are any. */
  readonly blocking: number;
  /** Every finding and suppression that does not block, one line each. */
  readonly risks: readonly string[];
  /** Per severity, who it reaches. */
  readonly alerts: ReadonlyArray<{ readonly severity: string; readonly reaches: readonly string[] }>;
}

export function areaVerdicts(r: PlanResult, verify?: VerifyReport): AreaVerdict[] {
  return AREAS.map(([area, rules]) => {
    const verdict = verify?.scorecard.find((a) => a.area === area);
    const live = verdict ? `${verdict.status}${verdict.reason ? ` (${verdict.reason})` : ""}` : "not run";
    if (rules.length === 0) return { area, gate: "not checked", findings: 0, live };
    const found = r.violations.filter((v) => rules.includes(v.policy));
    const gate = found.some((v) => v.enforcementLevel === "mandatory") ? "fail" : found.some((v) => !v.undecided && !v.suppressed) ? "warn" : "pass";
    return { area, gate, findings: found.length, live };
  });
}

export function summary(r: PlanResult, verify: VerifyReport | undefined, risks: readonly string[], route: Routing): Summary {
  return {
    stack: r.stack,
    source: r.source.kind === "state" ? `the exported state ${r.source.file}` : "the offline plan of the stack's configuration",
    areas: areaVerdicts(r, verify),
    blocking: r.violations.filter((v) => v.enforcementLevel === "mandatory" && !v.suppressed && !v.undecided).length,
    risks,
    alerts: route.severities.map((severity) => {
      const channels = new Set(route.channels.filter((c) => c.severity === severity).map((c) => c.id));
      return { severity, reaches: route.recipients.filter((p) => p.channels.some((c) => channels.has(c))).map((p) => p.label) };
    }),
  };
}
