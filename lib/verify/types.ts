import type { Resolver } from "node:dns/promises";

// The verifier's contract (DESIGN.md): checks with stable ids, an area of the checklist, a status,
// a one-line summary, the evidence and the runbook to follow when it fails.

export const AREAS = ["Authentication", "Authorization", "Input validation", "Secrets handling", "Rate limiting", "CORS and CSRF", "Email security", "Transport security", "Logging and monitoring", "Deployment hygiene"] as const;
export type Area = (typeof AREAS)[number];
export type Status = "pass" | "warn" | "fail" | "skip";

export interface CheckResult {
  readonly status: Status;
  readonly summary: string;
  /** What was observed; masked where it could hold a secret. */
  readonly evidence: readonly string[];
}

export interface VerifyContext {
  /** The zone apex. */
  readonly domain: string;
  readonly dkimSelectors: readonly string[];
  readonly resolver: Resolver;
  /** Per request, in milliseconds. */
  readonly timeoutMs: number;
}

export interface Check {
  readonly id: string;
  readonly area: Area;
  readonly runbook: string;
  run(ctx: VerifyContext): Promise<CheckResult>;
}

export interface CheckOutcome extends CheckResult {
  readonly id: string;
  readonly area: Area;
  readonly runbook: string;
}
