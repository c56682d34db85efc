import * as cloudflare from "@pulumi/cloudflare";
import { describe, expect, it } from "vitest";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { UNKNOWN } from "../lib/plan/wire";
import { policies } from "../policies/policies";
import { planJson } from "./helpers/run-plan";

const ZONE_SETTING = "cloudflare:index/zoneSetting:ZoneSetting";
const ZONE = "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b";

function setting(settingId: string, value: unknown): CapturedResource {
  return { urn: `urn:pulumi:prod::launch-baseline::${ZONE_SETTING}::zs-${settingId}`, type: ZONE_SETTING, name: `zs-${settingId}`, custom: true, parent: null, provider: null, dependencies: [], inputs: { zoneId: ZONE, settingId, value } };
}

async function findings(stack: string, ...resources: CapturedResource[]) {
  // Only the zone rules: a lone fixture would also (rightly) lack uptime checks and rate limits.
  const violations = (await evaluatePolicies(policies, resources, resolvePolicyConfig(policies, `policies/config/${stack}.json`))).filter((v) => v.policy.startsWith("zone-"));
  return violations.map((v) => ({ policy: v.policy, level: v.enforcementLevel, message: v.message }));
}

const hsts = (enabled: boolean, maxAge: number) => ({ strict_transport_security: { enabled, max_age: maxAge, include_subdomains: false, preload: false, nosniff: true } });

it("the rules match the provider's real type token", () => {
  expect((cloudflare.ZoneSetting as unknown as { __pulumiType: string }).__pulumiType).toBe(ZONE_SETTING);
});

describe.each([
  // [rule, compliant fixture, failing fixture, message]
  ["zone-ssl-strict", setting("ssl", "strict"), setting("ssl", "full"), 'ssl is "full"; only "strict" encrypts and validates the origin connection.'],
  ["zone-ssl-strict", setting("ssl_automatic_mode", "custom"), setting("ssl_automatic_mode", "auto"), 'ssl_automatic_mode is "auto"; automatic mode may change the SSL mode on its own. Pin it to "custom".'],
  ["zone-always-use-https", setting("always_use_https", "on"), setting("always_use_https", "off"), 'always_use_https is "off"; plain HTTP would be served.'],
  ["zone-min-tls-version", setting("min_tls_version", "1.3"), setting("min_tls_version", "1.1"), 'min_tls_version is "1.1"; it must be at least "1.2".'],
  ["zone-hsts", setting("security_header", hsts(true, 31536000)), setting("security_header", hsts(true, 86400)), "HSTS max_age is 86400 s; this environment requires at least 31536000 s."],
  ["zone-hsts", setting("security_header", hsts(true, 63072000)), setting("security_header", hsts(false, 31536000)), "HSTS is not enabled (security_header.strict_transport_security.enabled must be true)."],
  ["zone-development-mode-off", setting("development_mode", "off"), setting("development_mode", "on"), 'development_mode is "on"; it bypasses the cache and is for short debugging sessions only.'],
] as const)("%s", (rule, good, bad, message) => {
  it(`passes ${good.inputs.settingId} = ${JSON.stringify(good.inputs.value)}`, async () => {
    expect(await findings("prod", good)).toEqual([]);
  });
  it(`blocks ${bad.inputs.settingId} = ${JSON.stringify(bad.inputs.value)} in prod`, async () => {
    expect(await findings("prod", bad)).toEqual([{ policy: rule, level: "mandatory", message }]);
  });
});

describe("per-environment strictness from policies/config/<stack>.json", () => {
  it("HSTS shorter than a year is mandatory in prod, tolerated down to a day in staging and an hour in dev", async () => {
    const day = setting("security_header", hsts(true, 86400));
    expect(await findings("prod", day)).toEqual([{ policy: "zone-hsts", level: "mandatory", message: "HSTS max_age is 86400 s; this environment requires at least 31536000 s." }]);
    expect(await findings("staging", day)).toEqual([]);
    const minutes = setting("security_header", hsts(true, 600));
    expect(await findings("staging", minutes)).toEqual([{ policy: "zone-hsts", level: "advisory", message: "HSTS max_age is 600 s; this environment requires at least 86400 s." }]);
    expect(await findings("dev", minutes)).toEqual([{ policy: "zone-hsts", level: "advisory", message: "HSTS max_age is 600 s; this environment requires at least 3600 s." }]);
  });

  it("development mode blocks staging and prod, and is advisory in dev", async () => {
    const on = setting("development_mode", "on");
    for (const [stack, level] of [["prod", "mandatory"], ["staging", "mandatory"], ["dev", "advisory"]] as const) {
      expect((await findings(stack, on)).map((f) => f.level)).toEqual([level]);
    }
  });

  it("a value only known after deploy is reported as undecided, not passed", async () => {
    const violations = (await evaluatePolicies(policies, [setting("ssl", UNKNOWN)], resolvePolicyConfig(policies, "policies/config/prod.json"))).filter((v) => v.policy.startsWith("zone-"));
    expect(violations).toEqual([
      {
        policy: "zone-ssl-strict",
        enforcementLevel: "advisory",
        severity: "critical",
        urn: "urn:pulumi:prod::launch-baseline::cloudflare:index/zoneSetting:ZoneSetting::zs-ssl",
        message: "could not decide during the offline plan: string value at .value can't be known during preview; it is checked again at deploy time.",
        undecided: true,
      },
    ]);
  });
});

describe("the gate in a real plan of a weakened program", () => {
  const program = ["--program", "tests/fixtures/weakened-program.ts"];

  it("SSL weakened to Flexible blocks prod (exit 1) naming the rule", async () => {
    const { code, doc } = await planJson("prod", program, { WEAKEN: "ssl" });
    expect(code).toBe(1);
    expect(doc.passed).toBe(false);
    expect(doc.policy.violations.filter((v) => !v.undecided)).toEqual([
      { policy: "zone-ssl-strict", enforcementLevel: "mandatory", severity: "critical", urn: "urn:pulumi:prod::launch-baseline::launch:edge:EdgeSecurity$cloudflare:index/zoneSetting:ZoneSetting::edge-ssl", message: 'ssl is "flexible"; only "strict" encrypts and validates the origin connection.' },
    ]);
  });

  it("SSL weakened in dev is blocked too: dev's config keeps it mandatory", async () => {
    const { code, doc } = await planJson("dev", program, { WEAKEN: "ssl" });
    expect(code).toBe(1);
    expect(doc.policy.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policy)).toEqual(["zone-ssl-strict"]);
  });

  it("development mode on blocks prod but is reported as advisory in dev, as dev's config says", async () => {
    const prod = await planJson("prod", program, { WEAKEN: "devmode" });
    expect(prod.code).toBe(1);
    expect(prod.doc.policy.violations.filter((v) => !v.undecided).map((v) => [v.policy, v.enforcementLevel])).toEqual([["zone-development-mode-off", "mandatory"]]);
    const dev = await planJson("dev", program, { WEAKEN: "devmode" });
    expect(dev.code).toBe(0);
    expect(dev.doc.passed).toBe(true);
    // dev also runs NODE_ENV=development, which no-debug-mode reports there as advisory too.
    expect(dev.doc.policy.violations.filter((v) => v.policy.startsWith("zone-")).map((v) => [v.policy, v.enforcementLevel])).toEqual([["zone-development-mode-off", "advisory"]]);
    expect(dev.doc.policy.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
  });
});
