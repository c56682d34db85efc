import { spawn } from "node:child_process";
import * as pulumi from "@pulumi/pulumi";
import * as resrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import type { RawConfig } from "../config/raw";
import { EngineServiceDefinition, empty, engineService, serveOnLoopback, type EngineLog, type Handler } from "./grpc-server";

// A loopback Pulumi engine: the ResourceMonitor and Engine gRPC services on 127.0.0.1, answering
// with the same mocks as the offline plan, and the program started the way pulumi-language-nodejs
// starts it: `node @pulumi/pulumi/cmd/run` with the CLI's flags and environment. So the program
// compiles under the SDK's own ts-node start-up, and every request crosses a real gRPC wire.

export interface WireRegistration {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent: string;
  readonly provider: string;
  readonly dependencies: readonly string[];
  readonly importId: string;
  /** The inputs as they crossed the wire: secrets in the secret signature, unknowns as the sentinel. */
  readonly object: Record<string, unknown>;
}

export interface WireRun {
  readonly registrations: WireRegistration[];
  readonly outputs: Map<string, Record<string, unknown>>;
  readonly invokes: Array<{ token: string; args: Record<string, unknown> }>;
  readonly logs: EngineLog[];
  /** The program's exit code and what it printed on stderr. */
  readonly exitCode: number;
  readonly stderr: string;
}

export interface LoopbackOptions {
  readonly root: string;
  /** The program, relative to root; "." runs the package's main, as Pulumi.yaml without main does. */
  readonly program?: string;
  readonly project: string;
  readonly stack: string;
  readonly config: RawConfig;
  readonly mocks: pulumi.runtime.Mocks;
  readonly dryRun?: boolean;
}

/** PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS as the CLI builds them: every value a string. */
export function configEnvironment(config: RawConfig): { PULUMI_CONFIG: string; PULUMI_CONFIG_SECRET_KEYS: string } {
  const values: Record<string, string> = {};
  const secret: string[] = [];
  for (const [k, v] of config) {
    values[k] = v.value;
    if (v.secret) secret.push(k);
  }
  return { PULUMI_CONFIG: JSON.stringify(values), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secret) };
}

export async function runOverGrpc(opts: LoopbackOptions): Promise<WireRun> {
  // The mock monitor names URNs after this process's project and stack.
  await pulumi.runtime.setMocks(opts.mocks, opts.project, opts.stack, opts.dryRun ?? true);
  const monitor = new MockMonitor(opts.mocks);
  // The SDK's newUrn reads the process-wide stack and project, which a second run in the same
  // process changes; this run's URNs name its own (same form: the parent's last type qualifies).
  (monitor as unknown as { newUrn(parent: string, type: string, name: string): string }).newUrn = (parent, type, name) =>
    `urn:pulumi:${[opts.stack, opts.project, parent ? `${parent.split("::")[2]!.split("$").pop()}$${type}` : type, name].join("::")}`;
  const run = { registrations: [] as WireRegistration[], outputs: new Map<string, Record<string, unknown>>(), invokes: [] as WireRun["invokes"], logs: [] as WireRun["logs"] };
  const monitorService: Record<string, Handler> = {
    supportsFeature: (call, cb) => {
      // As the mock engine: every feature but outputValues, so inputs arrive as plain values.
      const res = new resproto.SupportsFeatureResponse();
      res.setHassupport(call.request.getId() !== "outputValues");
      cb(null, res);
    },
    registerResource: (call, cb) => {
      const req = call.request as resproto.RegisterResourceRequest;
      const slot = run.registrations.push(undefined as never) - 1;
      void monitor.registerResource(req, (err: Error | null, res?: resproto.RegisterResourceResponse) => {
        if (res) run.registrations[slot] = { urn: res.getUrn(), type: req.getType(), name: req.getName(), custom: req.getCustom(), parent: req.getParent(), provider: req.getProvider(), dependencies: req.getDependenciesList(), importId: req.getImportid(), object: (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown> };
        cb(err, res);
      });
    },
    registerResourceOutputs: (call, cb) => {
      run.outputs.set(call.request.getUrn(), call.request.getOutputs()?.toJavaScript() ?? {});
      monitor.registerResourceOutputs(call.request, (err: Error | null) => cb(err, empty()));
    },
    invoke: (call, cb) => {
      run.invokes.push({ token: call.request.getTok(), args: call.request.getArgs()?.toJavaScript() ?? {} });
      void monitor.invoke(call.request, cb);
    },
    readResource: (call, cb) => void monitor.readResource(call.request, cb),
    registerPackage: (call, cb) => monitor.registerPackage(call.request, cb),
    signalAndWaitForShutdown: (_call, cb) => cb(null, empty()),
  };
  const server = await serveOnLoopback([
    [resrpc.ResourceMonitorService, monitorService],
    [EngineServiceDefinition, engineService(run.logs)],
  ]);
  try {
    const address = server.address;
    // The arguments and environment pulumi-language-nodejs gives the program.
    // The language host locates the runner with Node's own resolution from the program's folder,
    // so a project in a subfolder (bootstrap/) uses the SDK of the repository's node_modules.
    const runner = require.resolve("@pulumi/pulumi/cmd/run", { paths: [opts.root] });
    const args = [runner, "--monitor", address, "--engine", address, "--project", opts.project, "--stack", opts.stack, "--pwd", opts.root, "--dry-run", String(opts.dryRun ?? true), "--parallel", "4", "--organization", "organization", opts.program ?? "."];
    const child = spawn(process.execPath, args, {
      cwd: opts.root,
      // Only what the language host sets (the type names NODE_ENV required, hence the cast).
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PULUMI_NODEJS_TYPESCRIPT: "true", ...configEnvironment(opts.config) } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d));
    const exitCode = await new Promise<number>((resolve) => child.on("close", (code: number | null) => resolve(code ?? 1)));
    return { ...run, registrations: run.registrations.filter(Boolean), exitCode, stderr };
  } finally {
    server.close();
  }
}
