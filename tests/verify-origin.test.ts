import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-plan";
import { makeCa, type TestCa } from "./helpers/test-ca";

// transport.origin-direct against real HTTPS origins on 127.0.0.1: one that serves the app to
// anyone, one that demands Cloudflare's client certificate (a TLS alert without it), and one that
// answers 421 to requests that did not come through the edge.

const HOST = "app.origin.test";
let ca: TestCa;
const servers: Server[] = [];
const ports: Record<string, number> = {};

async function start(name: string, opts: object, handler: ConstructorParameters<typeof Server>[1]) {
  const server = createServer({ ...ca.issue(HOST), ...opts }, handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  ports[name] = (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  ca = makeCa();
  const app = (_req: unknown, res: import("node:http").ServerResponse) => void res.writeHead(200, { "content-type": "text/html" }).end("<title>Community</title><h1>Sign in</h1>");
  await start("open", {}, app);
  // Authenticated Origin Pulls: only a client certificate from the origin-pull CA gets in.
  await start("mtls", { requestCert: true, rejectUnauthorized: true, ca: [ca.issue("origin-pull-ca.test").cert] }, app);
  await start("misdirected", {}, (_req, res) => void res.writeHead(421).end("misdirected"));
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))));

async function originDirect(...origins: string[]) {
  const r = await runCli("verify", [...origins.flatMap((o) => ["--origin", o]), "--checks", "transport.origin-direct", "--timeout", "2000", "--json"]);
  return { ...r, check: r.code === 2 ? undefined : (JSON.parse(r.stdout).checks[0] as { status: string; summary: string; evidence: string[] }) };
}

describe("transport.origin-direct", () => {
  it("fails an origin that serves the app to a direct request, naming the host", async () => {
    const r = await originDirect(`${HOST}=127.0.0.1:${ports.open}`);
    expect(r.check).toMatchObject({ status: "fail", summary: `1 origin(s) answer requests that bypass the edge: ${HOST} (HTTP 200 from 127.0.0.1:${ports.open})`, evidence: [`${HOST} via 127.0.0.1:${ports.open}: HTTP 200 (the origin answers directly)`] });
    expect(r.code).toBe(1);
  });

  it("passes an origin that demands the client certificate, and one that answers 421", async () => {
    const r = await originDirect(`${HOST}=127.0.0.1:${ports.mtls}`, `${HOST}=127.0.0.1:${ports.misdirected}`);
    expect(r.check!.status).toBe("pass");
    expect(r.check!.evidence[0]).toMatch(new RegExp(`^${HOST.replace(/\./g, "\\.")} via 127\\.0\\.0\\.1:${ports.mtls}: refused \\(.+\\)$`));
    expect(r.check!.evidence[1]).toBe(`${HOST} via 127.0.0.1:${ports.misdirected}: HTTP 421 (refused)`);
    expect(r.code).toBe(0);
  });

  it("refuses an --origin that is not host=address, with exit 2", async () => {
    const r = await runCli("verify", ["--origin", "127.0.0.1:443"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: --origin 127.0.0.1:443 is not host=address. Fix: pass the public host and its origin, such as --origin app.example.com=203.0.113.10 (or =origin.internal:8443).\n");
  });
});
