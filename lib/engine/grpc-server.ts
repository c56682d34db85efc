import * as grpc from "@grpc/grpc-js";
import * as engrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engproto from "@pulumi/pulumi/proto/engine_pb";

// The loopback side of the engine protocol: a gRPC server on 127.0.0.1 only, and the Engine
// service every Pulumi plugin (program or policy pack) logs through.

export type Handler = (call: { request: any }, callback: (err: Error | null, res?: unknown) => void) => void;

export interface EngineLog {
  readonly severity: number;
  readonly message: string;
  readonly urn: string;
}

/** The engine's LogSeverity values (pulumirpc.LogSeverity). */
export const LOG_ERROR = 3;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const empty = () => new (require("google-protobuf/google/protobuf/empty_pb").Empty)();

/** The Engine service: records every Log, and keeps the root resource the program sets. */
export function engineService(logs: EngineLog[]): Record<string, Handler> {
  let root = "";
  return {
    log: (call, cb) => {
      logs.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      cb(null, empty());
    },
    getRootResource: (_call, cb) => {
      const res = new engproto.GetRootResourceResponse();
      res.setUrn(root);
      cb(null, res);
    },
    setRootResource: (call, cb) => {
      root = call.request.getUrn();
      cb(null, new engproto.SetRootResourceResponse());
    },
  };
}

export interface LoopbackServer {
  readonly address: string;
  close(): void;
}

/** Serves the given services on 127.0.0.1, on a port the system picks. */
export async function serveOnLoopback(services: ReadonlyArray<readonly [unknown, Record<string, Handler>]>): Promise<LoopbackServer> {
  const server = new grpc.Server();
  for (const [definition, impl] of services) server.addService(definition as grpc.ServiceDefinition, impl as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  return { address: `127.0.0.1:${port}`, close: () => server.forceShutdown() };
}

export const EngineServiceDefinition = engrpc.EngineService;
