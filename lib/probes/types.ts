import type { Area, CheckResult } from "../verify/types";
import type { ProbeClient } from "./client";
import type { ProbePlan } from "./probe-file";
import type { Sessions } from "./session";

export interface ProbeEnv {
  readonly plan: ProbePlan;
  readonly client: ProbeClient;
  readonly sessions: Sessions;
}

/** A probe of the running app; it reports in verify's format, under one of the checklist's areas. */
export interface Probe {
  readonly id: string;
  readonly area: Area;
  readonly runbook: string;
  /** Why the probe does not apply to this app (reported as skip), or undefined when it does. */
  notApplicable?(plan: ProbePlan): string | undefined;
  run(env: ProbeEnv): Promise<CheckResult>;
}

export const is2xx = (s: number) => s >= 200 && s < 300;
export const is4xx = (s: number) => s >= 400 && s < 500;

/** What a probe saw: one evidence line per request sent, and what failed or needs a look. */
export class Findings {
  readonly evidence: string[] = [];
  readonly failures: string[] = [];
  readonly warnings: string[] = [];
  /** What the probe could not judge, each with its fix: never a pass, never a failure. */
  readonly couldNotRun: string[] = [];

  /**
   * fail with the first few failures in the summary; else "could not run" (status error) when
   * part of it could not be judged; else warn with the warnings; else pass.
   */
  verdict(passSummary: string, failSummary: string): CheckResult {
    const { evidence, failures, warnings, couldNotRun } = this;
    if (failures.length) return { status: "fail", summary: `${failSummary}: ${failures.slice(0, 3).join("; ")}${failures.length > 3 ? ` (+${failures.length - 3} more)` : ""}`, evidence };
    if (couldNotRun.length) return { status: "error", summary: couldNotRun.join("; "), evidence };
    if (warnings.length) return { status: "warn", summary: warnings.join("; "), evidence };
    return { status: "pass", summary: passSummary, evidence };
  }
}
