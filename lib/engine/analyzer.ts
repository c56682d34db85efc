import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import * as grpc from "@grpc/grpc-js";
import * as anrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as an from "@pulumi/pulumi/proto/analyzer_pb";
import type { ResolvedPolicyConfig } from "../plan/policy-config";
import type { CapturedResource } from "../plan/types";
import { EngineServiceDefinition, engineService, serveOnLoopback, type EngineLog } from "./grpc-server";

// A policy pack driven the way the CLI's policy analyzer drives it: `node
// @pulumi/pulumi/cmd/run-policy-pack <engine address> <pack dir>` started in the pack's folder,
// the gRPC port read from its first line of stdout, then GetAnalyzerInfo, Configure, Analyze per
// resource and AnalyzeStack over the wire.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(o: unknown): unknown } };

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";

const LEVEL_TO_WIRE: Record<Level, number> = { advisory: an.EnforcementLevel.ADVISORY, mandatory: an.EnforcementLevel.MANDATORY, remediate: an.EnforcementLevel.REMEDIATE, disabled: an.EnforcementLevel.DISABLED };
const WIRE_TO_LEVEL = new Map(Object.entries(LEVEL_TO_WIRE).map(([k, v]) => [v, k as Level]));

/** What GetAnalyzerInfo says of one policy: enough to reconcile its config as the CLI does. */
export interface AnalyzerPolicy {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: Level;
  readonly configSchema?: { readonly properties: Record<string, unknown>; readonly required?: string[] };
}

export interface AnalyzerInfo {
  readonly name: string;
  readonly version: string;
  readonly policies: AnalyzerPolicy[];
}

/** One diagnostic as the pack returned it. */
export interface AnalyzerDiagnostic {
  readonly policy: string;
  readonly enforcementLevel: Level;
  readonly urn: string;
  readonly description: string;
  readonly message: string;
}

export interface PolicyPackProcess {
  info(): Promise<AnalyzerInfo>;
  configure(config: ReadonlyMap<string, ResolvedPolicyConfig>): Promise<void>;
  analyze(resource: CapturedResource, provider: CapturedResource | undefined): Promise<AnalyzerDiagnostic[]>;
  analyzeStack(resources: readonly CapturedResource[], byUrn: ReadonlyMap<string, CapturedResource>): Promise<AnalyzerDiagnostic[]>;
  /** What the pack logged to the engine and printed on stderr. */
  readonly logs: EngineLog[];
  stderr(): string;
  close(): void;
}

/** The pack could not start: its stderr, which says why. */
export class PolicyPackFailed extends Error {}

const unary = <Req, Res>(client: grpc.Client, method: string, req: Req): Promise<Res> =>
  new Promise((resolve, reject) => (client as unknown as Record<string, (r: Req, cb: (e: Error | null, res: Res) => void) => void>)[method](req, (e, res) => (e ? reject(e) : resolve(res))));

const options = (r: CapturedResource) => {
  const o = new an.AnalyzerResourceOptions();
  if (r.parent) o.setParent(r.parent);
  return o;
};

function providerResource(p: CapturedResource): an.AnalyzerProviderResource {
  const res = new an.AnalyzerProviderResource();
  res.setType(p.type);
  res.setUrn(p.urn);
  res.setName(p.name);
  res.setProperties(Struct.fromJavaScript(p.inputs) as never);
  return res;
}

/** The fields an Analyze request and a stack's resource share, inputs in wire form. */
function described<T extends an.AnalyzeRequest | an.AnalyzerResource>(msg: T, r: CapturedResource, provider: CapturedResource | undefined): T {
  msg.setType(r.type);
  msg.setUrn(r.urn);
  msg.setName(r.name);
  msg.setProperties(Struct.fromJavaScript(r.inputs) as never);
  msg.setOptions(options(r));
  if (provider) msg.setProvider(providerResource(provider));
  return msg;
}

const diagnostics = (list: an.AnalyzeDiagnostic[]): AnalyzerDiagnostic[] =>
  list.map((d) => ({ policy: d.getPolicyname(), enforcementLevel: WIRE_TO_LEVEL.get(d.getEnforcementlevel()) ?? "advisory", urn: d.getUrn(), description: d.getDescription(), message: d.getMessage() }));

/** Starts the pack in packDir with the SDK the pack itself resolves, as the analyzer plugin does. */
export async function startPolicyPack(packDir: string, timeoutMs = 180_000): Promise<PolicyPackProcess> {
  const logs: EngineLog[] = [];
  const engine = await serveOnLoopback([[EngineServiceDefinition, engineService(logs)]]);
  let runner: string;
  try {
    runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
  } catch {
    engine.close();
    throw new PolicyPackFailed(`${packDir} cannot resolve @pulumi/pulumi. Fix: run npm install in the pack's folder (or npm ci at the top level for policies/).`);
  }
  const child: ChildProcess = spawn(process.execPath, [runner, engine.address, "."], { cwd: packDir, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d));
  const stop = () => {
    child.kill();
    engine.close();
  };
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PolicyPackFailed(`the policy pack printed no port within ${timeoutMs / 1000} s.\n${stderr}`)), timeoutMs);
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new PolicyPackFailed(`the policy pack exited with ${code} before it served.\n${stderr}`));
    });
  }).catch((e) => {
    stop();
    throw e;
  });
  const client = new anrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as grpc.Client;
  return {
    logs,
    stderr: () => stderr,
    close: () => {
      client.close();
      stop();
    },
    async info() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
      const res = await unary<unknown, an.AnalyzerInfo>(client, "getAnalyzerInfo", new Empty());
      return {
        name: res.getName(),
        version: res.getVersion(),
        policies: res.getPoliciesList().map((p) => {
          const schema = p.getConfigschema();
          return {
            name: p.getName(),
            description: p.getDescription(),
            enforcementLevel: WIRE_TO_LEVEL.get(p.getEnforcementlevel()) ?? "advisory",
            ...(schema ? { configSchema: { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>, required: schema.getRequiredList() } } : {}),
          };
        }),
      };
    },
    async configure(config) {
      const req = new an.ConfigureAnalyzerRequest();
      const map = req.getPolicyconfigMap();
      for (const [name, c] of config) {
        const pc = new an.PolicyConfig();
        pc.setEnforcementlevel(LEVEL_TO_WIRE[c.enforcementLevel as Level]);
        pc.setProperties(Struct.fromJavaScript(c.settings) as never);
        map.set(name, pc);
      }
      await unary(client, "configure", req);
    },
    async analyze(r, provider) {
      const req = described(new an.AnalyzeRequest(), r, provider);
      const res = await unary<an.AnalyzeRequest, an.AnalyzeResponse>(client, "analyze", req);
      return diagnostics(res.getDiagnosticsList());
    },
    async analyzeStack(resources, byUrn) {
      const req = new an.AnalyzeStackRequest();
      req.setResourcesList(
        resources.map((r) => {
          const res = described(new an.AnalyzerResource(), r, r.provider ? byUrn.get(r.provider) : undefined);
          if (r.parent) res.setParent(r.parent);
          res.setDependenciesList([...r.dependencies]);
          return res;
        }),
      );
      const res = await unary<an.AnalyzeStackRequest, an.AnalyzeResponse>(client, "analyzeStack", req);
      return diagnostics(res.getDiagnosticsList());
    },
  };
}
