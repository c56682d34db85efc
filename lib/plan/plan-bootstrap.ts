import type { Policy } from "@pulumi/policy";
import { BOOTSTRAP_PROJECT, parseBootstrapConfig } from "../bootstrap/config";
import { readStackConfig } from "../config/stack-file";
import { programRunner } from "../engine/program";
import type { PlanResult } from "./plan";
import { resolvePolicyConfig } from "./policy-config";
import { evaluatePolicies } from "./policy-runner";
import { unmarkedSecretOutputs } from "./secret-outputs";

// `plan --project bootstrap`: the day-zero project planned like the main one (its own stacks and
// config, the same pack with policies/config/bootstrap.json), so the identities the pipeline
// assumes are gated before an operator applies them.

export const BOOTSTRAP_DIR = "bootstrap";
export const BOOTSTRAP_STACKS = `${BOOTSTRAP_DIR}/stacks`;

export async function planBootstrap(opts: { stack: string; stacksDir?: string; policies: readonly Policy[]; policyConfigPath?: string; engine?: "mock" | "grpc" }): Promise<PlanResult> {
  const file = readStackConfig(opts.stacksDir ?? BOOTSTRAP_STACKS, opts.stack);
  const config = parseBootstrapConfig(file.raw, { stack: opts.stack, source: file.source });
  const policyConfigPath = opts.policyConfigPath ?? "policies/config/bootstrap.json";
  const policyConfig = resolvePolicyConfig(opts.policies, policyConfigPath);
  const mockContext = { awsAccountId: config.awsAccountId, awsRegion: config.awsRegion };
  const run = await programRunner(opts.engine)({ programPath: `${BOOTSTRAP_DIR}/index.ts`, projectDir: BOOTSTRAP_DIR, project: BOOTSTRAP_PROJECT, stack: opts.stack, config: file.raw, mockContext });
  const outputCheck = unmarkedSecretOutputs(run.outputs, run.resources, [], run.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? null);
  const violations = [...(await evaluatePolicies(opts.policies, run.resources, policyConfig)), ...outputCheck.violations];
  return { ...run, outputs: outputCheck.outputs, project: BOOTSTRAP_PROJECT, stack: opts.stack, source: { kind: "program" }, policyConfigPath, violations, placeholders: [], passed: !violations.some((v) => v.enforcementLevel === "mandatory") };
}
