import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { SecureVersion } from "node:tls";

// The app as verify sees it: an HTTPS server and its plain-HTTP redirector on 127.0.0.1, well
// configured by default, with one flaw switchable at a time.

export type Flaw = "no-redirect" | "no-hsts" | "tls-1.0" | "reflected-cors" | "missing-headers" | "stack-trace" | "weak-cookie" | "leaky-bundle" | CorsFlaw;

/** Allow-lists as real apps get them wrong, each letting one kind of near miss through. */
export type CorsFlaw = "cors-prefix" | "cors-suffix" | "cors-regex-dot" | "cors-null" | "cors-http" | "cors-any-subdomain" | "cors-preflight-any";

/** Whether a flawed allow-list (or the exact one) lets `origin` in, for trusted https://host. */
function corsAllows(flaw: Flaw | undefined, origin: string, host: string, preflight: boolean): boolean {
  const exact = `https://${host}`;
  if (origin === exact) return true;
  switch (flaw) {
    case "cors-prefix":
      return origin.startsWith(exact);
    case "cors-suffix":
      return origin.endsWith(host);
    case "cors-regex-dot":
      return new RegExp(`^https://${host}$`).test(origin);
    case "cors-null":
      return origin === "null";
    case "cors-http":
      return origin === `http://${host}`;
    case "cors-any-subdomain":
      return origin.endsWith(`.${host.split(".").slice(1).join(".")}`);
    case "cors-preflight-any":
      return preflight;
    default:
      return false;
  }
}

export interface WebTarget {
  readonly httpsPort: number;
  readonly httpPort: number;
  close(): Promise<void>;
}

const listen = (s: Server) => new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));

export async function startWebTarget(opts: { host: string; cert: Buffer; key: Buffer; flaw?: Flaw; leakedKey?: string }): Promise<WebTarget> {
  const { host, flaw } = opts;
  const app = (req: IncomingMessage, res: ServerResponse): void => {
    const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
    if (flaw !== "no-hsts") headers["strict-transport-security"] = "max-age=31536000";
    if (flaw !== "missing-headers") Object.assign(headers, { "content-security-policy": "default-src 'self'; frame-ancestors 'none'", "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
    if (flaw === "reflected-cors" && req.headers.origin) Object.assign(headers, { "access-control-allow-origin": String(req.headers.origin), "access-control-allow-credentials": "true" });
    else if (req.headers.origin && corsAllows(flaw, String(req.headers.origin), host, req.method === "OPTIONS")) Object.assign(headers, { "access-control-allow-origin": String(req.headers.origin), "access-control-allow-credentials": "true", vary: "Origin" });
    res.setHeader("set-cookie", flaw === "weak-cookie" ? "session=abc; Path=/" : "session=abc; Path=/; Secure; HttpOnly; SameSite=Lax");
    if (req.url === "/assets/app.js") {
      res.writeHead(200, { ...headers, "content-type": "text/javascript" });
      res.end(flaw === "leaky-bundle" ? `const config={maps:"${opts.leakedKey}"};\n` : "const config={api:\"/api\"};\n");
      return;
    }
    if (req.url !== "/" && req.url !== "/login") {
      // The flawed app answers a missing page with a crash, as an unhandled error would.
      res.writeHead(flaw === "stack-trace" ? 500 : 404, headers);
      res.end(flaw === "stack-trace" ? "Error: not found\n    at Router.handle (/srv/app/node_modules/express/lib/router/index.js:284:7)\n    at next (/srv/app/server.js:12:3)\n" : "<h1>Not found</h1>");
      return;
    }
    res.writeHead(200, headers);
    res.end('<title>Community</title><h1>Sign in</h1><script src="/assets/app.js"></script>');
  };
  const https = createHttpsServer({ cert: opts.cert, key: opts.key, ...(flaw === "tls-1.0" ? { minVersion: "TLSv1" as SecureVersion, ciphers: "DEFAULT@SECLEVEL=0" } : { minVersion: "TLSv1.2" as SecureVersion }) }, app);
  const httpsPort = await listen(https);
  const http = createHttpServer((req, res): void => {
    if (flaw === "no-redirect") return app(req, res);
    res.writeHead(301, { location: `https://${host}:${httpsPort}${req.url}` });
    res.end();
  });
  const httpPort = await listen(http);
  return { httpsPort, httpPort, close: async () => void (await Promise.all([new Promise((r) => https.close(r)), new Promise((r) => http.close(r))])) };
}

/** How an alias host's redirect goes wrong, as hand-written rules and app code get it wrong. */
export type RedirectFlaw = "temporary" | "drops-path" | "drops-query" | "to-http" | "serves-app";

/**
 * An alias host (www) on HTTPS that redirects to the canonical host as the stack's Cloudflare
 * rule does: 301, `https://<to>` plus the path, the query kept, no port. Or with one flaw.
 */
export async function startAliasHost(opts: { cert: Buffer; key: Buffer; to: string; flaw?: RedirectFlaw }): Promise<{ httpsPort: number; close(): Promise<void> }> {
  const server = createHttpsServer({ cert: opts.cert, key: opts.key, minVersion: "TLSv1.2" }, (req, res) => {
    const u = new URL(req.url ?? "/", "https://alias.invalid");
    if (opts.flaw === "serves-app") return void res.writeHead(200, { "content-type": "text/html" }).end("<h1>Community</h1>");
    const location = opts.flaw === "drops-path" ? `https://${opts.to}/` : opts.flaw === "drops-query" ? `https://${opts.to}${u.pathname}` : `${opts.flaw === "to-http" ? "http" : "https"}://${opts.to}${u.pathname}${u.search}`;
    res.writeHead(opts.flaw === "temporary" ? 302 : 301, { location }).end();
  });
  const httpsPort = await listen(server);
  return { httpsPort, close: () => new Promise((r) => server.close(() => r())) };
}
