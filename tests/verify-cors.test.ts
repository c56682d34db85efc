import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corsVariants } from "../lib/verify/checks/cors";
import { runCli } from "./helpers/run-plan";
import { makeCa, type TestCa } from "./helpers/test-ca";
import { startWebTarget, type CorsFlaw, type WebTarget } from "./helpers/web-servers";

// cors.origin-variants against HTTPS servers whose allow-lists are wrong in the ways real ones
// are, each letting one near miss of the trusted origin through; the exact allow-list passes.

const HOST = "app.example.com";
let ca: TestCa;
const targets: WebTarget[] = [];
beforeAll(() => {
  ca = makeCa();
});
afterAll(() => Promise.all(targets.map((t) => t.close())));

async function cors(flaw?: CorsFlaw) {
  const t = await startWebTarget({ host: HOST, ...ca.issue(HOST), flaw });
  targets.push(t);
  const r = await runCli("verify", ["--url", `https://${HOST}:${t.httpsPort}/`, "--resolve", `${HOST}:${t.httpsPort}:127.0.0.1`, "--ca-file", ca.caFile, "--trusted-origin", `https://${HOST}`, "--checks", "cors.origin-variants", "--json"]);
  return JSON.parse(r.stdout).checks[0] as { status: string; summary: string; evidence: string[] };
}

describe("cors.origin-variants", () => {
  it("tries the near misses of each trusted origin", () => {
    expect(corsVariants([`https://${HOST}`]).map((v) => v.origin)).toEqual(["https://untrusted-origin.example.net", "null", "https://app.example.com.attacker.test", "https://attackerapp.example.com", "https://appXexample.com", "http://app.example.com", "https://untrusted-sibling.example.com"]);
  });

  it("passes an exact allow-list, with one evidence line per origin tried", async () => {
    const c = await cors();
    expect(c).toMatchObject({ status: "pass", summary: "none of 8 untrusted origin variants is allowed (trusted: https://app.example.com)" });
    expect(c.evidence[0]).toBe("GET Origin: https://untrusted-origin.example.net (an arbitrary origin) -> not allowed");
  });

  it.each([
    ["cors-prefix", "https://app.example.com.attacker.test (https://app.example.com with a suffix appended) with credentials"],
    // An "ends with the host" test also lets the http:// form through.
    ["cors-suffix", "https://attackerapp.example.com (a domain ending in app.example.com) with credentials; http://app.example.com (the http:// form of https://app.example.com) with credentials", 2],
    ["cors-regex-dot", "https://appXexample.com (app.example.com with its dot as any character (unescaped regex)) with credentials"],
    ["cors-null", "null (the null origin) with credentials"],
    ["cors-http", "http://app.example.com (the http:// form of https://app.example.com) with credentials"],
    // "Any origin ending in .example.com" takes the look-alike and the http:// form too.
    ["cors-any-subdomain", "https://attackerapp.example.com (a domain ending in app.example.com) with credentials; http://app.example.com (the http:// form of https://app.example.com) with credentials; https://untrusted-sibling.example.com (a sibling subdomain of app.example.com) with credentials", 3],
    ["cors-preflight-any", "https://untrusted-origin.example.net (a preflight for DELETE with a custom header) with credentials"],
  ] as Array<[CorsFlaw, string, number?]>)("fails %s, naming the origin and the credentials", async (flaw, named, n = 1) => {
    const c = await cors(flaw);
    expect(c).toMatchObject({ status: "fail", summary: `${n} origin(s) the app does not trust are allowed: ${named}` });
  });
});
