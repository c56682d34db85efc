import { join } from "node:path";
import type { Policy } from "@pulumi/policy";
import type { Mocks } from "@pulumi/pulumi/runtime";
import { parseLaunchConfig, type LaunchConfig } from "../config/parse";
import { UsageError, readSiblings, readStackConfig, withSecretPlaceholders } from "../config/stack-file";
import { readStackExport } from "./stack-export";
import { programRunner } from "../engine/program";
import { offlineMocks } from "./mocks";
import { resolvePolicyConfig } from "./policy-config";
import { evaluatePolicies } from "./policy-runner";
import { unmarkedSecretOutputs } from "./secret-outputs";
import type { ProgramRun, Violation } from "./types";
import { jsonObject } from "../json";
import type { ExistingZone } from "../zone/model";
import { checkAdoptNames, planZone, type ZoneResult } from "../zone/plan-zone";
import type { Resolver } from "node:dns/promises";

export interface PlanOptions {
  readonly project: string;
  readonly stack: string;
  readonly stacksDir: string;
  readonly programPath: string;
  /** Default: policies/config/<stack>.json when it exists. */
  readonly policyConfigPath?: string;
  readonly policies: readonly Policy[];
  /** The zone as it exists today (--existing-zone, --cloudflare-api), with live DNS for dangling records. */
  readonly existingZone?: (config: LaunchConfig) => Promise<{ readonly zone: ExistingZone; readonly resolver?: Resolver }>;
  /** Wraps the offline mocks, e.g. for a test that hands a generated-key resource its own key. */
  readonly wrapMocks?: (mocks: Mocks) => Mocks;
  /** mock (default): the SDK's in-process mock engine; grpc: the SDK's runner against the loopback engine. */
  readonly engine?: "mock" | "grpc";
}

export interface PlanResult extends ProgramRun {
  readonly project: string;
  readonly stack: string;
  /** Absent when auditing a state file: no config is read then. */
  readonly config?: LaunchConfig;
  /** What was evaluated: the program on the mock engine, or an exported state file. */
  readonly source: { readonly kind: "program" } | { readonly kind: "state"; readonly file: string };
  readonly policyConfigPath?: string;
  readonly violations: readonly Violation[];
  readonly passed: boolean;
  /** External secrets planned with placeholders because the stack file holds no value yet. */
  readonly placeholders: readonly string[];
  /** The plan against the live zone, when one was given. */
  readonly zone?: ZoneResult;
}

/**
 * Validates the stack's config, then runs the program offline and gates it. Config and policy
 * config are checked before the program runs, so bad input plans nothing.
 */
export async function planStack(opts: PlanOptions): Promise<PlanResult> {
  const file = readStackConfig(opts.stacksDir, opts.stack);
  const { raw, placeholders } = withSecretPlaceholders(file.raw);
  const config = parseLaunchConfig(raw, { stack: opts.stack, source: file.source, siblings: readSiblings(opts.stacksDir, opts.stack) });
  const policyConfigPath = opts.policyConfigPath ?? join("policies", "config", `${opts.stack}.json`);
  const policyConfig = resolvePolicyConfig(opts.policies, policyConfigPath);
  // The live zone is read before the program runs: a bad export plans nothing.
  const existing = await opts.existingZone?.(config);
  const mockContext = { awsAccountId: config.awsAccountId, awsRegion: config.awsRegion };
  const run = await programRunner(opts.engine)({ programPath: opts.programPath, project: opts.project, stack: opts.stack, config: raw, mockContext, mocks: opts.wrapMocks?.(offlineMocks(mockContext)) });
  const configSecrets = [...raw.values()].filter((v) => v.secret).flatMap((v) => [v.value, ...Object.values(jsonObject(v.value) ?? {})]).filter((v): v is string => typeof v === "string");
  const outputCheck = unmarkedSecretOutputs(run.outputs, run.resources, configSecrets, run.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? null);
  checkAdoptNames(run.resources, config.adopt);
  const zone = existing ? await planZone(run.resources, config, existing.zone, existing.resolver) : undefined;
  const violations = [...(await evaluatePolicies(opts.policies, run.resources, policyConfig)), ...outputCheck.violations, ...(zone?.findings ?? [])];
  return { ...run, outputs: outputCheck.outputs, project: opts.project, stack: opts.stack, config, source: { kind: "program" }, policyConfigPath, violations, placeholders, zone, passed: !violations.some((v) => v.enforcementLevel === "mandatory") };
}


/** Evaluates the same pack against a `pulumi stack export` file: no program, no credentials. */
export async function auditState(opts: { file: string; stack?: string; policyConfigPath?: string; policies: readonly Policy[] }): Promise<PlanResult> {
  const state = readStackExport(opts.file);
  if (opts.stack && opts.stack !== state.stack) throw new UsageError(`${opts.file} is stack "${state.stack}", not "${opts.stack}". Fix: drop --stack, or export the right stack.`);
  const policyConfigPath = opts.policyConfigPath ?? join("policies", "config", `${state.stack}.json`);
  const policyConfig = resolvePolicyConfig(opts.policies, policyConfigPath);
  const outputCheck = unmarkedSecretOutputs(state.outputs, state.resources, [], state.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? null);
  const violations = [...(await evaluatePolicies(opts.policies, state.resources, policyConfig)), ...outputCheck.violations];
  return { resources: state.resources, outputs: outputCheck.outputs, project: state.project, stack: state.stack, source: { kind: "state", file: opts.file }, policyConfigPath, violations, placeholders: [], passed: !violations.some((v) => v.enforcementLevel === "mandatory") };
}
