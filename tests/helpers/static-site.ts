import { createServer } from "node:https";
import type { AddressInfo } from "node:net";

// A site as a web server serves it: fixed files over HTTPS on 127.0.0.1, and for every other path
// either a 404 or, like a single-page app or a soft-404 page, 200 with the HTML page.

export interface Site {
  readonly port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".map": "application/json", ".json": "application/json" };

export async function startStaticSite(opts: { cert: Buffer; key: Buffer; files: Record<string, string | Buffer>; unknown: "404" | "index" }): Promise<Site> {
  const server = createServer({ cert: opts.cert, key: opts.key }, (req, res) => {
    const path = new URL(req.url ?? "/", "https://site").pathname;
    const body = opts.files[path === "/" ? "/index.html" : path];
    if (body !== undefined) {
      res.writeHead(200, { "content-type": TYPES[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream" });
      return void res.end(body);
    }
    if (opts.unknown === "index") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      return void res.end(opts.files["/index.html"]);
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}
