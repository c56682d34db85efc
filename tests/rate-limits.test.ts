import { beforeAll, describe, expect, it } from "vitest";
import { matches, parseExpression } from "../lib/edge/expression";
import { DEFAULT_ENDPOINTS, PLAN_LIMITS, packRateLimits, type Endpoint } from "../lib/edge/rate-limits";
import { planJson, type PlanJson } from "./helpers/run-plan";

const req = (method: string, path: string) => ({ "http.request.method": method, "http.request.uri.path": path, "http.host": "api.example.com" });
const UNRELATED = [req("POST", "/api/auth/logout"), req("GET", "/api/posts"), req("POST", "/api/auth/login/extra"), req("GET", "/"), req("GET", "/api/auth/login-help")];

/** Which rules (by index) match a request, judged by parsing and evaluating each expression. */
const matching = (expressions: string[], r: ReturnType<typeof req>) => expressions.map((e, i) => (matches(parseExpression(e), r) ? i : -1)).filter((i) => i >= 0);

describe("the expression language subset", () => {
  it("parses and evaluates what the rules use", () => {
    const e = parseExpression('(http.request.method eq "POST" and http.request.uri.path in {"/a" "/b"}) or (http.host eq "x")');
    expect(matches(e, { "http.request.method": "POST", "http.request.uri.path": "/b", "http.host": "y" })).toBe(true);
    expect(matches(e, { "http.request.method": "GET", "http.request.uri.path": "/b", "http.host": "y" })).toBe(false);
    expect(matches(e, { "http.request.method": "GET", "http.request.uri.path": "/c", "http.host": "x" })).toBe(true);
    expect(() => parseExpression('http.request.uri.path in {"/a"')).toThrow("expected a token, found the end");
  });
});

describe.each(["free", "pro", "business", "enterprise"] as const)("packing the default endpoints on %s", (plan) => {
  const period = plan === "free" ? 10 : 60;
  const { rules, uncovered } = packRateLimits(DEFAULT_ENDPOINTS, plan, period);

  it("stays within the plan's rule count, periods and matching, auth stricter than content", () => {
    expect(rules.length).toBeLessThanOrEqual(PLAN_LIMITS[plan].maxRules);
    expect(rules.map((r) => r.period)).toEqual(rules.map(() => period));
    if (!PLAN_LIMITS[plan].methodMatching) expect(rules.every((r) => !r.expression.includes("http.request.method"))).toBe(true);
    const auth = rules.filter((r) => r.endpoints[0].class === "auth").map((r) => r.requestsPerPeriod);
    const content = rules.filter((r) => r.endpoints[0].class === "content").map((r) => r.requestsPerPeriod);
    if (content.length) expect(Math.max(...auth)).toBeLessThanOrEqual(Math.min(...content));
  });

  it("matches every covered endpoint by exactly its own rule, and unrelated requests by none", () => {
    const expressions = rules.map((r) => r.expression);
    rules.forEach((rule, i) => {
      for (const e of rule.endpoints) expect(matching(expressions, req(e.method ?? "POST", e.path))).toEqual([i]);
    });
    for (const e of uncovered) expect(matching(expressions, req(e.method!, e.path))).toEqual([]);
    for (const r of UNRELATED) expect(matching(expressions, r)).toEqual([]);
    // Where methods can be matched, the wrong method on a limited path is not counted.
    if (PLAN_LIMITS[plan].methodMatching) expect(matching(expressions, req("POST", "/api/search"))).toEqual([]);
  });
});

describe("exact packing per tier", () => {
  const shape = (plan: "free" | "pro" | "business" | "enterprise") => {
    const { rules, uncovered } = packRateLimits(DEFAULT_ENDPOINTS, plan, plan === "free" ? 10 : 60);
    return { rules: rules.map((r) => [r.endpoints.map((e) => e.name), r.requestsPerPeriod, r.period, r.expression]), uncovered: uncovered.map((e) => e.name) };
  };
  it("free: its one rule guards authentication, 10 s period, paths only", () => {
    expect(shape("free")).toEqual({
      rules: [[["signup", "password-reset", "login"], 1, 10, '(http.request.uri.path in {"/api/auth/signup" "/api/auth/password-reset" "/api/auth/login"})']],
      uncovered: ["upload", "invite", "message", "search"],
    });
  });
  it("pro: one auth rule and one content rule, paths only", () => {
    expect(shape("pro")).toEqual({
      rules: [
        [["signup", "password-reset", "login"], 5, 60, '(http.request.uri.path in {"/api/auth/signup" "/api/auth/password-reset" "/api/auth/login"})'],
        [["upload", "invite", "message", "search"], 10, 60, '(http.request.uri.path in {"/api/uploads" "/api/invites" "/api/messages" "/api/search"})'],
      ],
      uncovered: [],
    });
  });
  it("business: five rules with methods", () => {
    expect(shape("business").rules.map((r) => [r[0], r[1]])).toEqual([
      [["signup", "password-reset"], 5],
      [["login"], 10],
      [["upload"], 10],
      [["invite"], 20],
      [["message", "search"], 30],
    ]);
    expect(shape("business").rules[4][3]).toBe('(http.request.method eq "POST" and http.request.uri.path in {"/api/messages"}) or (http.request.method eq "GET" and http.request.uri.path in {"/api/search"})');
  });
  it("enterprise: a rule per limit", () => {
    expect(shape("enterprise").rules.length).toBe(6);
  });
  it("pinned rules are kept as named", () => {
    const pinned: Endpoint[] = DEFAULT_ENDPOINTS.map((e) => ({ ...e, rule: e.class === "auth" ? "auth" : "rest" }));
    expect(packRateLimits(pinned, "pro", 60).rules.map((r) => r.endpoints.length)).toEqual([3, 4]);
  });
});

describe("the shipped stacks' rulesets", () => {
  const docs: Record<string, PlanJson> = {};
  beforeAll(async () => {
    for (const s of ["prod", "staging", "dev"]) docs[s] = (await planJson(s)).doc;
  });
  const ruleset = (s: string, phase: string) => docs[s].resources.find((r) => r.type === "cloudflare:index/ruleset:Ruleset" && r.inputs.phase === phase)?.inputs as { rules: any[] } | undefined;

  it.each([
    ["prod", "business", 5, 60],
    ["staging", "pro", 2, 60],
    ["dev", "free", 1, 10],
  ] as const)("%s (%s): %i rules, period %i, block with a JSON 429 and a retry hint, counted per data center and IP", (stack, _plan, count, period) => {
    const rules = ruleset(stack, "http_ratelimit")!.rules;
    expect(rules.length).toBe(count);
    for (const r of rules) {
      expect(r.action).toBe("block");
      expect(r.actionParameters).toEqual({ response: { statusCode: 429, contentType: "application/json", content: JSON.stringify({ error: "rate_limited", message: `Too many requests. Retry after ${period} seconds.`, retry_after_seconds: period }) } });
      expect(r.ratelimit).toEqual({ characteristics: ["cf.colo.id", "ip.src"], period, requestsPerPeriod: expect.any(Number), mitigationTimeout: period });
    }
    const expressions = rules.map((r) => r.expression);
    for (const path of ["/api/auth/login", "/api/auth/signup", "/api/auth/password-reset"]) expect(matching(expressions, req("POST", path))).toHaveLength(1);
  });

  it("the managed WAF runs where the plan includes it (pro and up)", () => {
    const waf = { zoneId: expect.any(String), kind: "zone", phase: "http_request_firewall_managed", name: "Managed WAF", description: "Managed by launch-baseline", rules: [{ ref: "cloudflare_managed_ruleset", description: "Cloudflare Managed Ruleset", expression: "true", action: "execute", actionParameters: { id: "efb7b8c949ac4650a09736fc376e9aee" } }] };
    expect(ruleset("prod", "http_request_firewall_managed")).toEqual(waf);
    expect(ruleset("staging", "http_request_firewall_managed")).toEqual(waf);
    expect(ruleset("dev", "http_request_firewall_managed")).toBeUndefined();
  });
});
