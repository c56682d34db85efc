import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import pino from "pino";
import { pinoHttp } from "pino-http";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-plan";

// The logs checks judged on what pino really writes, as Express apps use it: the security log in
// the contract's shape through pino's own options, with the request attached by pino's standard
// serializer (headers and all), with and without pino's `redact`; and pino-http's request log.

interface Doc {
  checks: Array<{ id: string; status: string; summary: string; evidence: string[] }>;
}

const dir = mkdtempSync(join(tmpdir(), "lb-logs-pino-"));

/** The contract through pino's options: datetime, appid, an upper-case level, description. */
function securityLogger(file: string, redact?: string[]) {
  return pino(
    {
      base: { appid: "community" },
      messageKey: "description",
      timestamp: () => `,"datetime":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label.toUpperCase() }) },
      serializers: { req: pino.stdSerializers.req },
      redact,
    },
    pino.destination({ dest: file, sync: true }),
  );
}

/** An Express app whose login refuses everyone and logs the refusal; one request with credentials. */
async function refusedLogin(app: express.Express, log?: pino.Logger): Promise<{ bearer: string; cookie: string }> {
  app.post("/api/auth/login", (req, res) => {
    log?.warn({ event: "authn_login_fail:u-1842", source_ip: req.ip, request_uri: req.originalUrl, request_method: req.method, req }, "User u-1842 login failed");
    res.status(401).json({ error: "invalid credentials" });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const bearer = randomBytes(24).toString("base64url");
  const cookie = randomBytes(24).toString("base64url");
  try {
    const port = (server.address() as AddressInfo).port;
    const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: "POST", headers: { authorization: `Bearer ${bearer}`, cookie: `sid=${cookie}` } });
    expect(r.status).toBe(401);
  } finally {
    await new Promise((r) => server.close(r));
  }
  return { bearer, cookie };
}

async function verifyLogs(file: string, sent: { bearer: string; cookie: string }) {
  const r = await runCli("verify", ["--logs", file, "--json"]);
  expect(r.stdout + r.stderr).not.toContain(sent.bearer);
  expect(r.stdout + r.stderr).not.toContain(sent.cookie);
  const doc = JSON.parse(r.stdout) as Doc;
  return (id: string) => doc.checks.find((c) => c.id === id)!;
}

describe("security logs written by pino", () => {
  it("fails a security event that carries the request's Authorization and Cookie headers", async () => {
    const file = join(dir, "leaky.jsonl");
    const sent = await refusedLogin(express(), securityLogger(file));
    // pino's serializer really wrote them.
    expect(readFileSync(file, "utf8")).toContain(sent.bearer);
    const check = await verifyLogs(file, sent);
    expect(check("logs.security-events")).toMatchObject({ status: "pass", summary: "1 event follows the contract: authn_login_fail 1" });
    expect(check("logs.sensitive-data")).toMatchObject({ status: "fail", evidence: [`${file}:1: Authorization header value "authorization"; Cookie header value "cookie"; an Authorization credential (Bearer or Basic)`] });
  });

  it("passes the same event with pino's redact on both headers: [Redacted] is not a credential", async () => {
    const file = join(dir, "redacted.jsonl");
    const sent = await refusedLogin(express(), securityLogger(file, ["req.headers.authorization", "req.headers.cookie"]));
    expect(readFileSync(file, "utf8")).toContain('"authorization":"[Redacted]"');
    const check = await verifyLogs(file, sent);
    expect(check("logs.security-events").status).toBe("pass");
    expect(check("logs.sensitive-data")).toMatchObject({ status: "pass", evidence: [] });
  });

  it("fails pino-http's default request log, which keeps every request header", async () => {
    const file = join(dir, "pino-http.jsonl");
    const app = express();
    app.use(pinoHttp({ logger: pino(pino.destination({ dest: file, sync: true })) }));
    const sent = await refusedLogin(app);
    const check = await verifyLogs(file, sent);
    expect(check("logs.sensitive-data")).toMatchObject({ status: "fail", evidence: [`${file}:1: Authorization header value "authorization"; Cookie header value "cookie"; an Authorization credential (Bearer or Basic)`] });
    // A request log is not the security log: no event name, none of the contract's fields.
    expect(check("logs.security-events")).toMatchObject({ status: "fail", evidence: [`${file}:1: no datetime, appid, event, description, source_ip, request_uri, request_method`] });
  });
});
