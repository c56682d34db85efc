import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { Resolver } from "node:dns/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitoringUptimeTargets } from "../lib/verify/checks/monitoring";
import type { VerifyContext } from "../lib/verify/types";
import { makeCa } from "./helpers/test-ca";

// monitoring.uptime-targets asks each uptime URL as Route 53's HTTPS_STR_MATCH checker does, over
// real TLS on 127.0.0.1: 2xx or 3xx, and the match text in the first 5,120 bytes.

const HOST = "app.uptime.test";
let server: Server;
let port: number;
let ctx: VerifyContext;

beforeAll(async () => {
  const ca = makeCa();
  const cert = ca.issue(HOST);
  server = createServer(cert, (req, res) => {
    if (req.url === "/health") res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    else if (req.url === "/login") res.writeHead(200).end(`${"<!-- padding -->".repeat(400)}<h1>Sign in</h1>`);
    else if (req.url === "/down") res.writeHead(503).end("maintenance");
    else res.writeHead(302, { location: "/login" }).end("<title>Community</title>");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  ctx = { domain: "", httpPort: 80, resolve: new Map([[`${HOST}:${port}`, "127.0.0.1"]]), ca: readFileSync(ca.caFile), dkimSelectors: [], resolver: new Resolver(), timeoutMs: 3000 };
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const url = (path: string) => `https://${HOST}:${port}${path}`;

describe("monitoring.uptime-targets", () => {
  it("passes checks that answer 2xx or 3xx with their text in the first 5,120 bytes", async () => {
    const r = await monitoringUptimeTargets.run({ ...ctx, uptimeChecks: [{ name: "homepage", url: url("/"), match: "<title>" }, { name: "api-health", url: url("/health"), match: '"status":"ok"' }] });
    expect(r).toEqual({ status: "pass", summary: "all 2 uptime checks answer as Route 53 expects", evidence: [`homepage ${url("/")}: HTTP 302, contains "<title>"`, `api-health ${url("/health")}: HTTP 200, contains "\\"status\\":\\"ok\\""`] });
  });

  it("fails a 5xx, and text Route 53 would not see past its first 5,120 bytes", async () => {
    const r = await monitoringUptimeTargets.run({ ...ctx, uptimeChecks: [{ name: "login", url: url("/login"), match: "Sign in" }, { name: "down", url: url("/down"), match: "ok" }] });
    expect(r).toEqual({ status: "fail", summary: "2 of 2 uptime checks would fail as Route 53 asks them", evidence: [`login ${url("/login")}: HTTP 200, but the first 5120 bytes do not contain "Sign in"`, `down ${url("/down")}: HTTP 503`] });
  });
});
