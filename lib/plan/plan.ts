import { join } from "node:path";
import type { Policy } from "@pulumi/policy";
import { parseLaunchConfig, type LaunchConfig } from "../config/parse";
import { readStackConfig } from "../config/stack-file";
import { runProgram } from "./engine";
import { resolvePolicyConfig } from "./policy-config";
import { evaluatePolicies } from "./policy-runner";
import type { ProgramRun, Violation } from "./types";

export interface PlanOptions {
  readonly project: string;
  readonly stack: string;
  readonly stacksDir: string;
  readonly programPath: string;
  /** Default: policies/config/<stack>.json when it exists. */
  readonly policyConfigPath?: string;
  readonly policies: readonly Policy[];
}

export interface PlanResult extends ProgramRun {
  readonly project: string;
  readonly stack: string;
  readonly config: LaunchConfig;
  readonly policyConfigPath?: string;
  readonly violations: readonly Violation[];
  readonly passed: boolean;
}

/**
 * Validates the stack's config, then runs the program offline and gates it. Config and policy
 * config are checked before the program runs, so bad input plans nothing.
 */
export async function planStack(opts: PlanOptions): Promise<PlanResult> {
  const { raw, source } = readStackConfig(opts.stacksDir, opts.stack);
  const config = parseLaunchConfig(raw, { stack: opts.stack, source });
  const policyConfigPath = opts.policyConfigPath ?? join("policies", "config", `${opts.stack}.json`);
  const policyConfig = resolvePolicyConfig(opts.policies, policyConfigPath);
  const run = await runProgram({ programPath: opts.programPath, project: opts.project, stack: opts.stack, config: raw, mockContext: { awsAccountId: config.awsAccountId, awsRegion: config.awsRegion } });
  const violations = await evaluatePolicies(opts.policies, run.resources, policyConfig);
  return { ...run, project: opts.project, stack: opts.stack, config, policyConfigPath, violations, passed: !violations.some((v) => v.enforcementLevel === "mandatory") };
}
