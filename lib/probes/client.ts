import type { Agent } from "node:http";
import { fetchOnce, type HttpResponse } from "../verify/http";
import type { ProbePlan } from "./probe-file";

// Every request a probe sends goes through here: only to the hosts the probe file allows, within
// its request budget, never following a redirect, each with the file's time limit.

export interface ProbeTarget {
  /** "host:port" -> address, as curl's --resolve. */
  readonly resolve: ReadonlyMap<string, string>;
  readonly lookupHost: (host: string) => Promise<string>;
  readonly ca?: Buffer;
}

export interface ProbeRequest {
  readonly method: string;
  /** A path relative to the base URL, or an absolute URL on an allowed host. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  readonly agent?: Agent;
}

export interface ProbeResponse extends HttpResponse {
  /** Time to the whole response, in milliseconds. */
  readonly ms: number;
}

export class ProbeRefused extends Error {}

export class ProbeClient {
  private sent = 0;
  private readonly allowed: ReadonlySet<string>;

  constructor(
    readonly plan: ProbePlan,
    private readonly target: ProbeTarget,
  ) {
    this.allowed = new Set(plan.allowedHosts.map((h) => h.toLowerCase()));
  }

  get requestsSent(): number {
    return this.sent;
  }

  async send(req: ProbeRequest): Promise<ProbeResponse> {
    const url = new URL(req.path, this.plan.baseUrl);
    // The file was checked on load; this guards paths built at run time (ids, templates).
    if (!this.allowed.has(url.hostname.toLowerCase())) throw new ProbeRefused(`refused to contact ${url.hostname}: not in allowedHosts`);
    if (this.sent >= this.plan.limits.requests) throw new ProbeRefused(`the request budget (limits.requests: ${this.plan.limits.requests}) is spent`);
    this.sent++;
    const start = process.hrtime.bigint();
    const res = await fetchOnce(url.toString(), { method: req.method, headers: req.headers, body: req.body, agent: req.agent, ca: this.target.ca, resolve: this.target.resolve, lookupHost: this.target.lookupHost, timeoutMs: this.plan.limits.timeoutMs, maxBodyBytes: 256 * 1024 });
    return { ...res, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  }

  /** A JSON request; the body is serialized here. */
  json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<ProbeResponse> {
    return this.send({ method, path, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  }
}

/** "METHOD /path -> status" for evidence; never headers or bodies, which may carry credentials. */
export function line(method: string, path: string, res: { status: number }, note = ""): string {
  return `${method} ${path} -> ${res.status}${note ? ` ${note}` : ""}`;
}
