import { mkdtempSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeProbeFile } from "./helpers/probe-file";
import { CHROMIUM, skipWithout, titled } from "./helpers/servers";
import { runCli } from "./helpers/run-plan";
import { makeCa, type TestCa } from "./helpers/test-ca";

// verify --browser in Debian's Chromium against HTTPS pages on 127.0.0.1: a page with an http://
// image, a third-party script without integrity and a login that keeps its JWT in localStorage
// fails; the fixed page (same-origin assets, an HttpOnly session cookie) passes.

const APP = "app.browser.test";
const CDN = "cdn.browser.test";
let ca: TestCa;
const servers: Server[] = [];
const dir = mkdtempSync(join(tmpdir(), "lb-browser-"));
const ports: Record<string, number> = {};
const PASSWORD = "correct-horse-battery";

function app(flawed: boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const html = (body: string) => void res.writeHead(200, { "content-type": "text/html", "content-security-policy": "default-src 'self' https: 'unsafe-inline'; img-src https: http:" }).end(body);
    if (req.url === "/") return html(`<title>Community</title><img src="${flawed ? `http://${APP}:${ports.plain}/logo.png` : "/logo.png"}"><script src="${flawed ? `https://${CDN}:${ports.cdn}/widget.js` : "/app.js"}"></script>`);
    if (req.url === "/app.js" || req.url === "/logo.png") return void res.writeHead(200, { "content-type": req.url.endsWith(".js") ? "text/javascript" : "image/png" }).end("");
    if (req.url === "/login") {
      const store = flawed ? "localStorage.setItem('access_token', t.token)" : "";
      return html(`<form id="f"><input id="email"><input id="password" type="password"><button id="go" type="submit">Sign in</button></form><div id="out"></div><script>document.getElementById('f').onsubmit = async (e) => { e.preventDefault(); const r = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email: email.value, password: password.value }) }); const t = await r.json(); ${store}; document.getElementById('out').innerHTML = '<p id="done">signed in</p>'; };</script>`);
    }
    if (req.url === "/api/login") {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
      const token = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "u-alice", exp: 4102444800 })}.${"s".repeat(43)}`;
      return void res.writeHead(200, { "content-type": "application/json", "set-cookie": `session=${token}; Path=/; Secure; HttpOnly; SameSite=Lax` }).end(JSON.stringify({ token }));
    }
    res.writeHead(404).end();
  };
}

async function listen(name: string, server: Server) {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  ports[name] = (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  ca = makeCa();
  await listen("plain", createHttpServer((_req, res) => void res.writeHead(200, { "content-type": "image/png" }).end("")));
  await listen("cdn", createServer(ca.issue(CDN), (_req, res) => void res.writeHead(200, { "content-type": "text/javascript" }).end("window.widget = 1;")));
  await listen("fixed", createServer(ca.issue(APP), app(false)));
  await listen("flawed", createServer(ca.issue(APP), app(true)));
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))));

async function browse(which: "fixed" | "flawed") {
  const port = ports[which];
  const file = writeProbeFile(
    dir,
    {
      baseUrl: `https://${APP}:${port}`,
      allowedHosts: [APP],
      auth: { carrier: "cookie", login: { method: "POST", path: "/api/login", body: { email: "{{username}}", password: "{{password}}" }, cookie: "session" }, logout: { method: "POST", path: "/api/logout" } },
      users: { a: { usernameEnv: "B_USER_A", passwordEnv: "B_PASS_A", org: "acme" }, b: { usernameEnv: "B_USER_B", passwordEnv: "B_PASS_B", org: "globex" } },
      protected: [{ path: "/api/me" }],
      browserLogin: { page: "/login", username: "#email", password: "#password", submit: "#go", waitFor: "#done" },
    },
    `browser-${which}.yaml`,
  );
  const resolve = [`${APP}:${port}`, `${APP}:${ports.plain}`, `${CDN}:${ports.cdn}`].flatMap((h) => ["--resolve", `${h}:127.0.0.1`]);
  const r = await runCli("verify", ["--url", `https://${APP}:${port}/`, ...resolve, "--ca-file", ca.caFile, "--browser", "--probes", file, "--checks", "browser", "--timeout", "10000", "--json"], { B_USER_A: "alice@acme.test", B_PASS_A: PASSWORD, B_USER_B: "bob@globex.test", B_PASS_B: PASSWORD });
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  const doc = JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; summary: string; evidence: string[] }> };
  return (id: string) => doc.checks.find((c) => c.id === id)!;
}

describe("verify --browser input", () => {
  it("refuses a probe file whose browserLogin cannot be read, with exit 2 and one line", async () => {
    const file = writeProbeFile(dir, { baseUrl: `https://${APP}`, allowedHosts: [APP], auth: { carrier: "cookie", login: { path: "/api/login", body: {}, cookie: "session" }, logout: { path: "/api/logout" } }, users: { a: { usernameEnv: "B_USER_A", passwordEnv: "B_PASS_A", org: "a" }, b: { usernameEnv: "B_USER_B", passwordEnv: "B_PASS_B", org: "b" } }, protected: [{ path: "/api/me" }], browserLogin: { page: "/login", username: "#email", password: "#password" } }, "browser-bad.yaml");
    const r = await runCli("verify", ["--url", `https://${APP}/`, "--browser", "--probes", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file}: browserLogin.submit is missing. Fix: add it; see the example in probes.example.yaml and docs/probes.md.\n`);
  });
});

describe.skipIf(skipWithout(CHROMIUM))(titled("verify --browser", CHROMIUM), () => {
  it("fails mixed content, an unpinned third-party script and a JWT in localStorage", async () => {
    const check = await browse("flawed");
    const pages = check("browser.pages");
    expect(pages.status).toBe("fail");
    expect(pages.evidence).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`loads http://${APP.replace(/\./g, "\\.")}:${ports.plain}/logo\\.png over plain http \\(mixed content\\)$`)), `https://${APP}:${ports.flawed}/ runs https://${CDN}:${ports.cdn}/widget.js without Subresource Integrity`]));
    expect(check("browser.tokens")).toMatchObject({ status: "fail", summary: 'after signing in, page scripts can read 1 token(s): localStorage "access_token" (a JWT, 127 characters, not shown)' });
  }, 60_000);

  it("passes same-origin assets and an HttpOnly session cookie", async () => {
    const check = await browse("fixed");
    expect(check("browser.pages")).toMatchObject({ status: "pass" });
    expect(check("browser.tokens")).toMatchObject({ status: "pass" });
  }, 60_000);
});
