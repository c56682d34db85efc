import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-plan";
import { makeCa, type TestCa } from "./helpers/test-ca";
import { startAliasHost, type RedirectFlaw } from "./helpers/web-servers";

// transport.canonical-redirect: www must answer a deep link with 301 and exactly
// https://example.com/<path>?<query>, as the stack's redirect rule does.

let ca: TestCa;
const closers: Array<() => Promise<void>> = [];
beforeAll(() => {
  ca = makeCa();
});
afterAll(() => Promise.all(closers.map((c) => c())));

async function verifyAlias(flaw?: RedirectFlaw, withUrl = true) {
  const alias = await startAliasHost({ ...ca.issue("www.example.com"), to: "example.com", flaw });
  closers.push(alias.close);
  const a = `www.example.com:${alias.httpsPort}`;
  const r = await runCli("verify", [...(withUrl ? ["--url", `https://${a}/`] : []), "--canonical", "www.example.com=example.com", "--resolve", `${a}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", "transport.canonical-redirect", "--json"]);
  const doc = JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; summary: string; evidence: string[] }> };
  return { code: r.code, check: doc.checks.find((c) => c.id === "transport.canonical-redirect")! };
}

const expected = "https://example.com/launch-baseline/canonical-check?from=verify&n=1";

describe("transport.canonical-redirect", () => {
  it("passes a permanent redirect that keeps path and query, showing the exact exchange", async () => {
    const { code, check } = await verifyAlias();
    expect(check.status).toBe("pass");
    expect(check.summary).toBe("www.example.com redirects permanently to https://example.com with path and query kept");
    expect(check.evidence).toEqual([expect.stringMatching(new RegExp(`^GET https://www\\.example\\.com:\\d+/launch-baseline/canonical-check\\?from=verify&n=1 -> 301 ${expected.replace(/[.?]/g, "\\$&")}$`))]);
    expect(code).toBe(0);
  });

  it("asks the alias on the port its --resolve entry names when no --url names it", async () => {
    const { check } = await verifyAlias(undefined, false);
    expect(check.status).toBe("pass");
    expect(check.evidence[0]).toMatch(/^GET https:\/\/www\.example\.com:\d+\/launch-baseline\/canonical-check\?from=verify&n=1 -> 301 /);
  });

  it("fails every alias whose redirect goes wrong, naming each: temporary, path or query dropped, to http, no redirect", async () => {
    const flaws: RedirectFlaw[] = ["temporary", "drops-path", "drops-query", "to-http", "serves-app"];
    const args: string[] = [];
    for (const [i, flaw] of flaws.entries()) {
      const host = `www${i}.example.com`;
      const alias = await startAliasHost({ ...ca.issue(host), to: "example.com", flaw });
      closers.push(alias.close);
      args.push("--canonical", `${host}=example.com`, "--resolve", `${host}:${alias.httpsPort}:127.0.0.1`);
    }
    const r = await runCli("verify", [...args, "--ca-file", ca.caFile, "--checks", "transport.canonical-redirect", "--json"]);
    const check = (JSON.parse(r.stdout) as { checks: Array<{ status: string; summary: string; evidence: string[] }> }).checks[0];
    expect(check.status).toBe("fail");
    expect(check.summary.split(/; (?=www\d)/)).toEqual([
      "www0.example.com redirects with 302, which is temporary; expected 301",
      `www1.example.com redirects to https://example.com/, expected exactly ${expected}`,
      `www2.example.com redirects to https://example.com/launch-baseline/canonical-check, expected exactly ${expected}`,
      `www3.example.com redirects to http://example.com/launch-baseline/canonical-check?from=verify&n=1, expected exactly ${expected}`,
      "www4.example.com answers 200 instead of redirecting to example.com",
    ]);
    expect(check.evidence).toHaveLength(5);
    expect(r.code).toBe(1);
  });

  it("judges Express's own redirects: res.redirect(301, ...) passes, its default (302) fails as temporary", async () => {
    // The www-to-apex middleware as Express apps write it, served over HTTPS with the test CA.
    const app = express();
    app.use((req, res, next) => (req.hostname === "www.example.com" ? res.redirect(301, `https://example.com${req.originalUrl}`) : req.hostname === "old.example.com" ? res.redirect(`https://example.com${req.originalUrl}`) : next()));
    const servers = await Promise.all(
      ["www.example.com", "old.example.com"].map(async (host) => {
        const server = createHttpsServer(ca.issue(host), app);
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
        closers.push(() => new Promise((r) => server.close(() => r())));
        return { host, port: (server.address() as AddressInfo).port };
      }),
    );
    const run = async (host: string) => {
      const port = servers.find((s) => s.host === host)!.port;
      const r = await runCli("verify", ["--canonical", `${host}=example.com`, "--resolve", `${host}:${port}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", "transport.canonical-redirect", "--json"]);
      return (JSON.parse(r.stdout) as { checks: Array<{ status: string; summary: string }> }).checks[0];
    };
    expect(await run("www.example.com")).toEqual(expect.objectContaining({ status: "pass", summary: "www.example.com redirects permanently to https://example.com with path and query kept" }));
    expect(await run("old.example.com")).toEqual(expect.objectContaining({ status: "fail", summary: "old.example.com redirects with 302, which is temporary; expected 301" }));
  });

  it("with --stack, asks the aliases of the stack's canonicalRedirect", async () => {
    const r = await runCli("verify", ["--stack", "prod", "--resolve", "www.example.com:443:127.0.0.1", "--checks", "transport.canonical-redirect", "--timeout", "1500", "--json"]);
    const check = (JSON.parse(r.stdout) as { checks: Array<{ status: string; summary: string }> }).checks[0];
    expect(check).toMatchObject({ status: "error", summary: expect.stringMatching(/^could not reach www\.example\.com \(connect ECONNREFUSED 127\.0\.0\.1:443\)/) });
  });

  it("could not run, not fail, when the alias is unreachable", async () => {
    const r = await runCli("verify", ["--canonical", "www.example.com=example.com", "--resolve", "www.example.com:443:127.0.0.1", "--checks", "transport.canonical-redirect", "--timeout", "1500", "--json"]);
    const check = (JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; summary: string }> }).checks[0];
    expect(check.status).toBe("error");
    expect(check.summary).toMatch(/^could not reach www\.example\.com \(.+\)\. Fix: check the host resolves and its certificate is trusted/);
    expect(r.code).toBe(0);
  });

  it.each([
    [["www.example.com"], "--canonical www.example.com is not alias=canonical. Fix: pass the alias host and the host it redirects to, such as --canonical www.example.com=example.com."],
    [["www.example.com=www.example.com"], "--canonical www.example.com=www.example.com is not alias=canonical. Fix: pass the alias host and the host it redirects to, such as --canonical www.example.com=example.com."],
    [["www.example.com=example.com", "old.example.com=example.org"], "--canonical names 2 canonical hosts (example.com, example.org). Fix: one site has one canonical host; give every alias the same one."],
  ])("refuses --canonical %j with one line and exit 2", async (given, message) => {
    const r = await runCli("verify", [...given.flatMap((g) => ["--canonical", g]), "--domain", "example.com"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${message}\n`);
  });
});
