import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-plan";
import { makeCa, type TestCa } from "./helpers/test-ca";
import { startWebTarget, type WebTarget } from "./helpers/web-servers";

// Every public host: the web checks run on each --url, and a check that passes on the app host
// but fails on api fails, naming the host; --json keeps each host's own result.

let ca: TestCa;
const targets: WebTarget[] = [];
beforeAll(() => {
  ca = makeCa();
});
afterAll(() => Promise.all(targets.map((t) => t.close())));

describe("verify on every host", () => {
  it("fails a check that one host fails, naming it, while the others pass", async () => {
    const app = await startWebTarget({ host: "app.example.com", ...ca.issue("app.example.com") });
    const api = await startWebTarget({ host: "api.example.com", ...ca.issue("api.example.com"), flaw: "no-hsts" });
    targets.push(app, api);
    const a = `app.example.com:${app.httpsPort}`;
    const b = `api.example.com:${api.httpsPort}`;
    const r = await runCli("verify", ["--url", `https://${a}/`, "--url", `https://${b}/`, "--resolve", `${a}:127.0.0.1`, "--resolve", `${b}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", "transport.hsts,headers.security", "--json"]);
    const doc = JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; summary: string; hosts?: Array<{ host: string; status: string; summary: string }> }> };
    const hsts = doc.checks.find((c) => c.id === "transport.hsts")!;
    expect(hsts.status).toBe("fail");
    expect(hsts.summary).toBe(`${b}: no Strict-Transport-Security header; ${a}: pass`);
    expect(hsts.hosts).toEqual([
      { host: a, status: "pass", summary: expect.any(String) },
      { host: b, status: "fail", summary: "no Strict-Transport-Security header" },
    ]);
    const headers = doc.checks.find((c) => c.id === "headers.security")!;
    expect(headers.status).toBe("pass");
    expect(headers.summary).toMatch(new RegExp(`\\(on every host: ${a.replace(/\./g, "\\.")}, ${b.replace(/\./g, "\\.")}\\)$`));
    expect(r.code).toBe(1);
  });
});
