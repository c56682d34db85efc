import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { RawConfig } from "../config/parse";
import { offlineMocks, type MockContext } from "./mocks";
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
  getObject(): Struct | undefined;
}
type Callback = (err: unknown, response: { getUrn(): string } | undefined) => void;
interface Monitor {
  registerResource(req: RegisterRequest, cb: Callback): void;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): Struct | undefined }, cb: (err: unknown, res: unknown) => void): void;
}

export interface RunOptions {
  readonly programPath: string;
  readonly project: string;
  readonly stack: string;
  readonly config: RawConfig;
  readonly mockContext: MockContext;
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
  pulumi.runtime.setAllConfig(values, secretKeys);
  await pulumi.runtime.setMocks(offlineMocks(opts.mockContext), opts.project, opts.stack, true);

  // Slots are taken when a registration starts, so the order is the program's, not the event loop's.
  const resources: Array<CapturedResource | undefined> = [];
  const outputs = new Map<string, Record<string, unknown>>();
  const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const slot = resources.push(undefined) - 1;
    register(req, (err, res) => {
      if (!err && res) {
        resources[slot] = {
          urn: res.getUrn(),
          type: req.getType(),
          name: req.getName(),
          custom: req.getCustom(),
          parent: req.getParent() || null,
          // Provider references are `<urn>::<id>`; the URN is what reports and policies use.
          provider: req.getProvider() ? req.getProvider().split("::").slice(0, -1).join("::") : null,
          dependencies: req.getDependenciesList(),
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

  const registered = resources.filter((r): r is CapturedResource => r !== undefined);
  const stack = registered.find((r) => r.type === "pulumi:pulumi:Stack");
  return { resources: registered, outputs: (stack && outputs.get(stack.urn)) ?? {} };
}
