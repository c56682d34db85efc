import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Agent } from "node:http";
import { isIP, type LookupFunction } from "node:net";

// One HTTP(S) request with every limit a hostile server needs: a timeout, a cap on the body and
// on the headers, no redirect following, and only the hosts we were told about (--resolve maps a
// host and port to an address, as curl does).

export interface HttpOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly ca?: Buffer;
  /** "host:port" -> address. */
  readonly resolve: ReadonlyMap<string, string>;
  /** Every other host is looked up here: the same DNS server the DNS checks ask. */
  readonly lookupHost: (host: string) => Promise<string>;
  readonly timeoutMs: number;
  readonly maxBodyBytes?: number;
  /** Sent as is, with its Content-Length. */
  readonly body?: string | Buffer;
  /** A keep-alive agent, to measure latency as a browser sees it; default: a new connection. */
  readonly agent?: Agent;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** The first bytes as sent, for binary signatures (zip, gzip). */
  readonly head: Buffer;
  readonly truncated: boolean;
}

export function fetchOnce(url: string, opts: HttpOptions): Promise<HttpResponse> {
  const u = new URL(url);
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  const pinned = opts.resolve.get(`${u.hostname}:${port}`);
  const answer = (address: string, o: unknown, cb: (...a: unknown[]) => void) => (o && (o as { all?: boolean }).all ? cb(null, [{ address, family: address.includes(":") ? 6 : 4 }]) : cb(null, address, address.includes(":") ? 6 : 4));
  const lookup = ((host: string, o: unknown, cb: (...a: unknown[]) => void) => {
    if (pinned) return answer(pinned, o, cb);
    opts.lookupHost(host).then((a) => answer(a, o, cb), (e) => cb(e));
  }) as unknown as LookupFunction;
  const max = opts.maxBodyBytes ?? 1_000_000;
  return new Promise((resolve, reject) => {
    const req = (u.protocol === "https:" ? httpsRequest : httpRequest)(
      u,
      {
        method: opts.method ?? "GET",
        headers: opts.body === undefined ? opts.headers : { ...opts.headers, "content-length": String(Buffer.byteLength(opts.body)) },
        lookup,
        ca: opts.ca,
        // SNI carries host names only (RFC 6066): an address as the host sends none.
        servername: isIP(u.hostname) ? undefined : u.hostname,
        maxHeaderSize: 32 * 1024,
        timeout: opts.timeoutMs,
        agent: opts.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > max) {
            truncated = true;
            res.destroy();
            return;
          }
          chunks.push(c);
        });
        const done = () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString("utf8"), head: raw.subarray(0, 16), truncated });
        };
        res.on("end", done);
        res.on("close", done);
        res.on("error", (e) => (truncated ? done() : reject(e)));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${u.host} within ${opts.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** A response header as one string, however many times it was sent. */
export const headerValue = (h: Record<string, string | string[] | undefined>, name: string) => [h[name]].flat().filter((x): x is string => typeof x === "string").join(", ");

/** "host:port:addr" entries, as curl's --resolve takes them. */
export function parseResolve(entries: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entries) {
    const m = /^([^:]+):(\d+):(.+)$/.exec(e);
    if (!m) throw new Error(`--resolve ${e}: use host:port:address, such as app.example.com:443:127.0.0.1`);
    map.set(`${m[1]}:${m[2]}`, m[3].replace(/^\[|\]$/g, ""));
  }
  return map;
}

/** An address for a host from the verifier's resolver (following CNAMEs), never the system's. */
export async function lookupHost(ctx: { resolver: import("node:dns/promises").Resolver }, host: string): Promise<string> {
  const [v4] = await ctx.resolver.resolve4(host).catch(() => [] as string[]);
  if (v4) return v4;
  const [v6] = await ctx.resolver.resolve6(host).catch(() => [] as string[]);
  if (v6) return v6;
  throw new Error(`${host} does not resolve`);
}
