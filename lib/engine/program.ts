import { relative, resolve } from "node:path";
import type { RunOptions } from "../plan/engine";
import { runProgram, withEngineUrns, type MockCaptured } from "../plan/engine";
import { offlineMocks } from "../plan/mocks";
import type { ProgramRun } from "../plan/types";
import { LOG_ERROR } from "./grpc-server";
import { runOverGrpc } from "./loopback";

// `plan --engine grpc`: the program run by the SDK's own runner against the loopback engine,
// captured into the same shape as the mock path so the rest of the plan cannot tell them apart.

/** The program failed under the runner: its error as the CLI shows it, without a stack trace. */
export class ProgramFailed extends Error {}

export async function runProgramOverGrpc(opts: RunOptions): Promise<ProgramRun> {
  // The CLI runs a project from its own folder (bootstrap/ for the day-zero project), with the
  // entry point Pulumi.yaml's main names; the top-level project has no main, so ".".
  const root = resolve(opts.projectDir ?? ".");
  const entry = relative(root, resolve(opts.programPath));
  const run = await runOverGrpc({ root, program: opts.projectDir ? entry : entry === "index.ts" ? "." : entry, project: opts.project, stack: opts.stack, config: opts.config, mocks: opts.mocks ?? offlineMocks(opts.mockContext) });
  if (run.exitCode !== 0) {
    // The runner logs the error, stack included, to the engine; the first lines are the message.
    const logged = run.logs.filter((l) => l.severity === LOG_ERROR).map((l) => l.message.replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((line) => !/^\s+at /.test(line)).join("\n").trim());
    throw new ProgramFailed(logged.filter(Boolean).join("\n") || `the program exited with ${run.exitCode}`);
  }
  const providerUrn = (ref: string) => (ref ? ref.split("::").slice(0, -1).join("::") : null);
  const captured: MockCaptured[] = run.registrations.map((r) => ({
    urn: r.urn,
    mockUrn: r.urn,
    type: r.type,
    name: r.name,
    custom: r.custom,
    parent: r.parent || null,
    provider: providerUrn(r.provider),
    dependencies: r.dependencies,
    ...(r.importId ? { importId: r.importId } : {}),
    inputs: r.object,
  }));
  const resources = withEngineUrns(captured);
  const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
  return { resources, outputs: (stack && run.outputs.get(stack.mockUrn)) ?? {} };
}

/** The program runner an engine choice names: the in-process mock engine, or the SDK's runner over gRPC. */
export const programRunner = (engine: "mock" | "grpc" | undefined) => (engine === "grpc" ? runProgramOverGrpc : runProgram);
