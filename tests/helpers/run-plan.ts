import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";

export const ROOT = resolve(__dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's commands (`npm run plan -- ARGS` and so on) the way a user does, as a real process from the project root. */
export function runCli(command: "plan" | "verify" | "handover" | "rollback", args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["-r", require.resolve("../../cli/register.js"), join(ROOT, "cli", `${command}.ts`), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

export const runPlan = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli("plan", args, env);

/** A stacks dir holding a copy of one shipped stack file, edited by `edit`. */
export function editedStacks(stack: string, edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "lb-stacks-"));
  cpSync(join(ROOT, "stacks"), dir, { recursive: true });
  const file = join(dir, `Pulumi.${stack}.yaml`);
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return dir;
}

export interface PlanJson {
  stack: string;
  project: string;
  offline: true;
  resources: Array<{ urn: string; type: string; name: string; parent: string | null; provider: string | null; dependencies: string[]; inputs: Record<string, unknown> }>;
  outputs: Record<string, unknown>;
  policy: { violations: Array<{ policy: string; enforcementLevel: string; severity: string | null; urn: string | null; message: string; undecided?: true }> };
  alertRoutes: Array<{ source: string; watches: string; via?: string; targets: string[]; severity?: string; runbook?: string }>;
  passed: boolean;
}

export const SHIPPED_STACKS = ["prod", "staging", "dev"] as const;

declare module "vitest" {
  export interface ProvidedContext {
    /** The global setup's `plan --stack <s> --json` of each shipped stack. */
    shippedPlans: Record<string, CliResult>;
  }
}

/** `plan --stack <s> --json` of a shipped stack, as the global setup ran it (tests/setup/shipped-plans.ts). */
function shippedPlan(stack: string): CliResult | undefined {
  if (!(SHIPPED_STACKS as readonly string[]).includes(stack)) return undefined;
  return inject("shippedPlans")?.[stack];
}

export async function planJson(stack: string, extra: string[] = [], env: Record<string, string> = {}): Promise<{ code: number; doc: PlanJson; stderr: string }> {
  const shared = extra.length === 0 && Object.keys(env).length === 0 ? shippedPlan(stack) : undefined;
  const r = shared ?? (await runPlan(["--stack", stack, "--json", ...extra], env));
  if (r.code !== 0 && r.code !== 1) throw new Error(`plan exited ${r.code}: ${r.stderr}`);
  return { code: r.code, doc: JSON.parse(r.stdout) as PlanJson, stderr: r.stderr };
}
