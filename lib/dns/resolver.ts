import { Resolver } from "node:dns/promises";
import { isIP } from "node:net";
import { UsageError } from "../config/stack-file";

/** A resolver asking `server` (--dns-server host:port: private DNS, tests), else the system's. */
export function resolverFor(server: string | undefined, timeoutMs: number): Resolver {
  const r = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (server) {
    const m = /^(.+):(\d+)$/.exec(server);
    const host = m ? m[1].replace(/^\[|\]$/g, "") : server;
    if (!isIP(host)) throw new UsageError(`--dns-server ${server}: give an IP address and port such as 127.0.0.1:5353.`);
    r.setServers([m ? (isIP(host) === 6 ? `[${host}]:${m[2]}` : `${host}:${m[2]}`) : host]);
  }
  return r;
}
