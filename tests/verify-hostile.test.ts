import { createServer as createTcpServer, type AddressInfo, type Server } from "node:net";
import { createServer as createHttpsServer } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-plan";
import { makeCa, type TestCa } from "./helpers/test-ca";

// Servers that misbehave on purpose, on 127.0.0.1. verify must finish within its budget, report
// fail or warn, never crash, and print nothing it should not.

const HOST = "app.example.com";
const listen = (s: Server) => new Promise<number>((r) => s.listen(0, "127.0.0.1", () => r((s.address() as AddressInfo).port)));
const servers: Server[] = [];
let ca: TestCa;

async function verify(port: number, budgetMs = 8000): Promise<{ code: number; ms: number; stdout: string; stderr: string }> {
  const started = Date.now();
  const args = ["--url", `https://${HOST}:${port}/`, "--http-port", String(port), "--resolve", `${HOST}:${port}:127.0.0.1`, "--ca-file", ca.caFile, "--canonical", `${HOST}=example.com`, "--checks", "transport,headers,cors,debug", "--timeout", "1500", "--budget", String(budgetMs), "--json"];
  const run = await runCli("verify", args);
  return { ...run, ms: Date.now() - started };
}

beforeAll(() => {
  ca = makeCa();
});
afterAll(() => servers.forEach((s) => s.close()));

describe("verify against hostile servers", () => {
  const hostile: Array<[string, () => Server]> = [
    ["never answers", () => createTcpServer(() => undefined)],
    ["resets every connection", () => createTcpServer((socket) => socket.resetAndDestroy())],
    ["redirects forever", () => { const { cert, key } = ca.issue(HOST); return createHttpsServer({ cert, key }, (_req, res) => res.writeHead(302, { location: `https://${HOST}/again` }).end()); }],
    ["sends a huge header", () => { const { cert, key } = ca.issue(HOST); return createHttpsServer({ cert, key }, (_req, res) => res.writeHead(200, { "x-padding": "a".repeat(200_000) }).end("ok")); }],
    ["sends a huge body", () => { const { cert, key } = ca.issue(HOST); return createHttpsServer({ cert, key }, (_req, res) => { res.writeHead(200); const chunk = "b".repeat(64 * 1024); let n = 0; const pump = () => { while (n++ < 400 && res.write(chunk)); if (n < 400) res.once("drain", pump); else res.end(); }; pump(); }); }],
  ];

  it.each(hostile)("a server that %s: finished within the budget, no crash, fail or warn", async (_what, make) => {
    const server = make();
    servers.push(server);
    const port = await listen(server);
    const r = await verify(port);
    expect(r.ms).toBeLessThan(15_000);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string }> };
    // transport (the hostile host asked as an alias too), headers, cors and debug: eleven checks
    // (origin-direct skipped without an origin).
    expect(doc.checks.length).toBe(11);
    expect(doc.checks.some((c) => c.status === "fail" || c.status === "warn")).toBe(true);
  });
});
