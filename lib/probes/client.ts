import { randomBytes } from "node:crypto";
import type { Agent } from "node:http";
import type { Canary } from "../logs/canary";
import { forbiddenField } from "../logs/sensitive";
import { fetchOnce, type HttpResponse } from "../verify/http";
import { CouldNotRun } from "../verify/types";
import { routeUrl, type ProbePlan } from "./probe-file";

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

/** A request the probe file does not allow (its hosts, its request budget): the probe could not run. */
export class ProbeRefused extends CouldNotRun {}

export class ProbeClient {
  private sent = 0;
  private readonly allowed: ReadonlySet<string>;
  /** In every request's User-Agent, so the app's log can tell this run's events from others. */
  readonly marker = `launch-baseline-verify/${randomBytes(6).toString("hex")}`;
  // Credentials this run sent (passwords, tokens, cookies): none may ever reach the app's log.
  private readonly sentValues = new Map<string, string>();

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
    const url = routeUrl(this.plan.baseUrl, req.path);
    // The file was checked on load; this guards paths built at run time (ids, templates).
    if (!this.allowed.has(url.hostname.toLowerCase())) throw new ProbeRefused(`refused to contact ${url.hostname}: not in allowedHosts`);
    if (this.sent >= this.plan.limits.requests) throw new ProbeRefused(`the request budget (limits.requests: ${this.plan.limits.requests}) is spent`);
    this.sent++;
    this.remember(req);
    const start = process.hrtime.bigint();
    const res = await fetchOnce(url.toString(), { method: req.method, headers: { "user-agent": this.marker, ...req.headers }, body: req.body, agent: req.agent, ca: this.target.ca, resolve: this.target.resolve, lookupHost: this.target.lookupHost, timeoutMs: this.plan.limits.timeoutMs, maxBodyBytes: 256 * 1024 }).catch((e: Error & { code?: string }) => {
      throw couldNotRun(url, e) ?? e;
    });
    return { ...res, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  }

  /** The credentials this run sent, each with what it was; the values stay in this process. */
  get canaries(): Canary[] {
    return [...this.sentValues].map(([value, label]) => ({ value, label }));
  }

  private remember(req: ProbeRequest): void {
    const note = (value: string | undefined, label: string, min = 8) => value && value.length >= min && !this.sentValues.has(value) && this.sentValues.set(value, label);
    for (const [k, v] of Object.entries(req.headers ?? {})) {
      const name = k.toLowerCase();
      if (name === "authorization") note(/^\S+\s+(\S+)$/.exec(v)?.[1], "token sent in an Authorization header");
      else if (name === "cookie") for (const c of v.split(/;\s*/)) note(c.slice(c.indexOf("=") + 1), `cookie "${c.split("=")[0]}" the probes sent`);
    }
    if (typeof req.body !== "string" || !req.body.startsWith("{")) return;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body);
    } catch {
      return;
    }
    const { a, b } = this.plan.credentials;
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === "string" && forbiddenField(k)?.startsWith("token")) note(v, `token the probes sent to ${req.method} ${req.path}`);
      if (typeof v !== "string" || !forbiddenField(k)?.startsWith("password")) continue;
      note(v, v === a.password ? "real password of user a" : v === b.password ? "real password of user b" : `password the probes sent to ${req.method} ${req.path}`, 4);
    }
  }

  /** A JSON request; the body is serialized here. */
  json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<ProbeResponse> {
    return this.send({ method, path, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  }
}

const UNREACHABLE = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);
const UNTRUSTED = new Set(["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_UNTRUSTED", "CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID", "ERR_TLS_CERT_ALTNAME_INVALID"]);

/** A request that never reached the app: the probes cannot judge it, and the error says how to fix that. */
function couldNotRun(url: URL, e: Error & { code?: string }): CouldNotRun | undefined {
  const port = url.port || "443";
  if (e.code && UNREACHABLE.has(e.code)) return new CouldNotRun(`cannot reach ${url.hostname}:${port} (${e.code}). Fix: give its address with --resolve ${url.hostname}:${port}:<address>, or check DNS (--dns-server).`);
  const silent = /^no answer from \S+ within (\d+) ms$/.exec(e.message);
  if (silent) return new CouldNotRun(`${url.host} did not answer within ${silent[1]} ms. Fix: check the app is up, or raise limits.timeoutMs (or --timeout).`);
  if (e.code && UNTRUSTED.has(e.code)) return new CouldNotRun(`cannot trust the certificate of ${url.hostname} (${e.code}). Fix: pass --ca-file with the CA that issued it (a private staging CA), or fix the certificate.`);
  return undefined;
}

/** "METHOD /path -> status" for evidence; never headers or bodies, which may carry credentials. */
export function line(method: string, path: string, res: { status: number }, note = ""): string {
  return `${method} ${path} -> ${res.status}${note ? ` ${note}` : ""}`;
}
