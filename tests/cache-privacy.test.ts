import { beforeAll, describe, expect, it } from "vitest";
import { matches, parseExpression } from "../lib/edge/expression";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { policies } from "../policies/policies";
import { planJson, type PlanJson } from "./helpers/run-plan";

const PRIVATE = '(starts_with(http.request.uri.path, "/api/") or starts_with(http.request.uri.path, "/auth/") or starts_with(http.request.uri.path, "/account") or starts_with(http.request.uri.path, "/login") or starts_with(http.request.uri.path, "/logout") or starts_with(http.request.uri.path, "/settings") or starts_with(http.request.uri.path, "/admin"))';

const docs: Record<string, PlanJson> = {};
beforeAll(async () => {
  await Promise.all((["prod", "staging", "dev"] as const).map(async (s) => (docs[s] = (await planJson(s)).doc)));
});

describe.each(["prod", "staging", "dev"] as const)("stack %s", (env) => {
  const byName = (n: string) => docs[env].resources.find((r) => r.name === n)!;
  it("turns on Cache Deception Armor and bypasses the cache for the private paths", () => {
    const zoneId = byName("edge-ssl").inputs.zoneId;
    expect(byName("cache-deception-armor").inputs).toEqual({ zoneId, settingId: "cache_deception_armor", value: "on" });
    expect(byName("cache-bypass-private").inputs).toEqual({
      zoneId,
      kind: "zone",
      phase: "http_request_cache_settings",
      name: "Never cache private responses",
      rules: [{ ref: "bypass_private_paths", description: "API and auth paths are per user: never cached", expression: PRIVATE, action: "set_cache_settings", actionParameters: { cache: false }, enabled: true }],
    });
  });
});

describe("the rules language reads starts_with and ends_with", () => {
  it("matches by meaning", () => {
    const e = parseExpression(PRIVATE);
    expect(matches(e, { "http.request.uri.path": "/api/me/x.css" })).toBe(true);
    expect(matches(e, { "http.request.uri.path": "/assets/app.css" })).toBe(false);
    expect(matches(parseExpression('ends_with(http.request.uri.path, ".css") and not starts_with(http.request.uri.path, "/api/")'), { "http.request.uri.path": "/api/me/x.css" })).toBe(false);
  });
});

const urn = (type: string, name: string) => `urn:pulumi:prod::launch-baseline::${type}::${name}`;
const res = (type: string, name: string, inputs: Record<string, unknown>): CapturedResource => ({ urn: urn(type, name), type, name, custom: true, parent: null, provider: null, dependencies: [], inputs });
const armor = (value: string) => res("cloudflare:index/zoneSetting:ZoneSetting", "armor", { zoneId: "z", settingId: "cache_deception_armor", value });
const cacheRule = (expression: string, cache = true) => res("cloudflare:index/ruleset:Ruleset", "static-cache", { zoneId: "z", kind: "zone", phase: "http_request_cache_settings", name: "Static", rules: [{ expression, action: "set_cache_settings", actionParameters: { cache } }] });

async function findings(env: string, resources: CapturedResource[]) {
  const v = await evaluatePolicies(policies, resources, resolvePolicyConfig(policies, `policies/config/${env}.json`));
  return v.filter((x) => x.policy === "cache-private-paths").map((x) => `${x.enforcementLevel} ${x.message}`);
}

describe("cache-private-paths", () => {
  it("passes the armor with a static-asset rule that excludes the private paths", async () => {
    expect(await findings("prod", [armor("on"), cacheRule('ends_with(http.request.uri.path, ".css") and not starts_with(http.request.uri.path, "/api/") and not starts_with(http.request.uri.path, "/auth/") and not starts_with(http.request.uri.path, "/account") and not starts_with(http.request.uri.path, "/settings") and not starts_with(http.request.uri.path, "/admin") and not starts_with(http.request.uri.path, "/login") and not starts_with(http.request.uri.path, "/logout")')])).toEqual([]);
  });

  it("blocks the armor off, and a rule that caches by extension across the API", async () => {
    expect(await findings("prod", [armor("off")])).toEqual(['mandatory Cache Deception Armor is not on (zone setting cache_deception_armor must be "on").']);
    expect(await findings("staging", [armor("on"), cacheRule('ends_with(http.request.uri.path, ".css")')])).toEqual(['mandatory cache rule in static-cache would cache the private path /api/x.css (expression ends_with(http.request.uri.path, ".css")).']);
    expect(await findings("dev", [armor("on"), cacheRule('ends_with(http.request.uri.path, ".css")')])).toEqual(['advisory cache rule in static-cache would cache the private path /api/x.css (expression ends_with(http.request.uri.path, ".css")).']);
  });
});
