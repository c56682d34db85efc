import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { RawConfig } from "../config/parse";
import { offlineMocks, type MockContext } from "./mocks";
import { withoutSdkDiagnostics } from "./sdk-diagnostics";
import type { CapturedResource, ProgramRun } from "./types";

// The slice of the mock monitor's gRPC surface we listen on. getMonitor() is public; with mocks
// set it returns the SDK's MockMonitor, whose request objects are the generated protobuf classes.
interface Struct {
  toJavaScript(): Record<string, unknown>;
}
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getProvider(): string;
  getCustom(): boolean;
  getDependenciesList(): string[];
  getImportid(): string;
  getObject(): Struct | undefined;
}
type Callback = (err: unknown, response: { getUrn(): string } | undefined) => void;
interface Monitor {
  registerResource(req: RegisterRequest, cb: Callback): void;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): Struct | undefined }, cb: (err: unknown, res: unknown) => void): void;
}

export type MockCaptured = CapturedResource & { readonly mockUrn: string };

/**
 * The mock monitor qualifies a URN's type with the parent's last type only, and keeps the root
 * stack's type; the engine qualifies with the parent's whole chain and leaves the stack out.
 * Rewriting to the engine's form keeps URNs equal to what `pulumi preview` and `pulumi stack
 * export` show, so findings and suppressions match deployed state.
 */
export function withEngineUrns(captured: readonly MockCaptured[]): MockCaptured[] {
  const qualified = new Map<string, string>();
  const engineUrn = new Map<string, string>();
  for (const r of captured) {
    // urn:pulumi:<stack>::<project>::<qualified type>::<name>
    const [head, project] = r.urn.split("::");
    const parentQualified = r.parent ? qualified.get(r.parent) : undefined;
    const type = parentQualified && parentQualified !== "pulumi:pulumi:Stack" ? `${parentQualified}$${r.type}` : r.type;
    qualified.set(r.urn, type);
    engineUrn.set(r.urn, `${head}::${project}::${type}::${r.name}`);
  }
  const map = (u: string | null) => (u ? (engineUrn.get(u) ?? u) : u);
  return captured.map((r) => ({ ...r, urn: map(r.urn)!, parent: map(r.parent), provider: map(r.provider), dependencies: r.dependencies.map((d) => map(d)!) }));
}

export interface RunOptions {
  readonly programPath: string;
  readonly project: string;
  readonly stack: string;
  readonly config: RawConfig;
  readonly mockContext: MockContext;
  /** Replaces the offline mocks, e.g. to hand a test's own key to a generated-key resource. */
  readonly mocks?: pulumi.runtime.Mocks;
  /** The folder holding the project's Pulumi.yaml, when not the current one (the grpc engine starts there). */
  readonly projectDir?: string;
}

/**
 * Runs a Pulumi program on the SDK's mock engine as a preview, the way the CLI would run it, and
 * captures every registration. Call once per process: the SDK keeps its state in globals.
 */
export async function runProgram(opts: RunOptions): Promise<ProgramRun> {
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [k, v] of opts.config) {
    values[k] = v.value;
    if (v.secret) secretKeys.push(k);
  }
  withoutSdkDiagnostics();
  pulumi.runtime.setAllConfig(values, secretKeys);
  await pulumi.runtime.setMocks(opts.mocks ?? offlineMocks(opts.mockContext), opts.project, opts.stack, true);

  // Slots are taken when a registration starts, so the order is the program's, not the event loop's.
  const resources: Array<MockCaptured | undefined> = [];
  const outputs = new Map<string, Record<string, unknown>>();
  const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const slot = resources.push(undefined) - 1;
    register(req, (err, res) => {
      if (!err && res) {
        resources[slot] = {
          urn: res.getUrn(),
          mockUrn: res.getUrn(),
          type: req.getType(),
          name: req.getName(),
          custom: req.getCustom(),
          parent: req.getParent() || null,
          // Provider references are `<urn>::<id>`; the URN is what reports and policies use.
          provider: req.getProvider() ? req.getProvider().split("::").slice(0, -1).join("::") : null,
          dependencies: req.getDependenciesList(),
          ...(req.getImportid() ? { importId: req.getImportid() } : {}),
          inputs: req.getObject()?.toJavaScript() ?? {},
        };
      }
      cb(err, res);
    });
  };
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => {
    outputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
    registerOutputs(req, cb);
  };

  await pulumi.runtime.runInPulumiStack(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const program = require(resolve(opts.programPath));
    return typeof program.default === "function" ? program.default() : program;
  });
  // Registrations finish after the program returns; disconnect waits for all of them.
  await pulumi.runtime.disconnect();

  const registered = withEngineUrns(resources.filter((r): r is MockCaptured => r !== undefined));
  const stack = registered.find((r) => r.type === "pulumi:pulumi:Stack");
  return { resources: registered, outputs: (stack && outputs.get(stack.mockUrn)) ?? {} };
}
