import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPolicyPack, type PolicyPackProcess } from "../lib/engine/analyzer";
import { analyzeOverGrpc, type AnalyzerVerdict } from "../lib/engine/gate";
import { planStack, type PlanResult } from "../lib/plan/plan";
import type { CapturedResource, Violation } from "../lib/plan/types";
import { SECRET_SIG, SIG } from "../lib/plan/wire";
import { policies } from "../policies/policies";
import { ROOT } from "./helpers/run-plan";

// The gate as `pulumi preview --policy-pack policies --policy-pack-config policies/config/<s>.json`
// runs it: cmd/run-policy-pack started in policies/, its own ts-node compiling the pack, and
// every question asked over gRPC. Its verdicts must be the offline plan's, and it must block.

const STACKS = ["prod", "staging", "dev"] as const;
const packNames = new Set(policies.map((p) => p.name));

let pack: PolicyPackProcess;
const plans = new Map<string, PlanResult>();

beforeAll(async () => {
  const [started, ...planned] = await Promise.all([
    startPolicyPack(resolve(ROOT, "policies")),
    // The program under the SDK's runner, as the CLI runs it: inputs exactly as they crossed the wire.
    ...STACKS.map((stack) => planStack({ project: "launch-baseline", stack, stacksDir: "stacks", programPath: resolve(ROOT, "index.ts"), policies, engine: "grpc" })),
  ]);
  pack = started;
  STACKS.forEach((s, i) => plans.set(s, planned[i]!));
}, 300_000);
afterAll(() => pack?.close());

const UNDECIDED = /^could not decide during the offline plan: (.*); it is checked again at deploy time\.$/s;
const planKey = (v: Violation) => `${v.policy} ${v.enforcementLevel} ${v.urn} ${v.undecided ? `undecided: ${UNDECIDED.exec(v.message)?.[1]}` : v.message}`;
const wireKey = (v: AnalyzerVerdict) => `${v.policy} ${v.enforcementLevel} ${v.urn} ${v.undecided ? `undecided: ${v.message}` : v.message}`;
const analyze = (resources: readonly CapturedResource[], stack: string) => analyzeOverGrpc(pack, resources, `policies/config/${stack}.json`);

describe.each(STACKS)("the pack over the analyzer protocol on %s", (stack) => {
  it("gives the offline plan's verdicts, finding for finding", async () => {
    const plan = plans.get(stack)!;
    const wire = await analyze(plan.resources, stack);
    expect(wire.map(wireKey).sort()).toEqual(plan.violations.filter((v) => packNames.has(v.policy)).map(planKey).sort());
    expect(pack.stderr()).toBe("");
  }, 60_000);
});

describe("the pack over the analyzer protocol", () => {
  it("describes every rule with its schema, as the CLI reads it before Configure", async () => {
    const info = await pack.info();
    expect(info.name).toBe("launch-baseline");
    expect(info.version).toBe("0.1.0");
    expect(info.policies.map((p) => p.name)).toEqual(policies.map((p) => p.name));
    expect(info.policies.find((p) => p.name === "rate-limits-cover-auth")?.configSchema?.properties.paths).toEqual({ type: "array", items: { type: "string" }, default: ["/api/auth/login", "/api/auth/signup", "/api/auth/password-reset"] });
    expect(info.policies.find((p) => p.name === "environment-separation")?.configSchema?.required).toEqual(["environment"]);
  });

  /** prod's resources with one change made to the wire inputs of the named resource. */
  const mutated = (name: string, edit: (inputs: Record<string, any>) => void, extra: CapturedResource[] = []) => [
    ...plans.get("prod")!.resources.map((r) => {
      if (r.name !== name) return r;
      const inputs = structuredClone(r.inputs) as Record<string, any>;
      edit(inputs);
      return { ...r, inputs };
    }),
    ...extra,
  ];
  const mandatory = async (resources: readonly CapturedResource[]) => (await analyze(resources, "prod")).filter((v) => v.enforcementLevel === "mandatory");

  it("passes prod as it is: no mandatory finding", async () => {
    expect(await mandatory(plans.get("prod")!.resources)).toEqual([]);
  });

  it("blocks Flexible SSL", async () => {
    const found = await mandatory(mutated("edge-ssl", (i) => (i.value = "flexible")));
    expect(found.map((v) => v.policy)).toEqual(["zone-ssl-strict"]);
    expect(found[0]!.urn).toMatch(/::edge-ssl$/);
  });

  it("blocks debug mode: NODE_ENV development in the runtime settings, a secret on the wire", async () => {
    const found = await mandatory(mutated("runtime-node-env", (i) => (i.value = { [SIG]: SECRET_SIG, value: "development" })));
    expect(found.map((v) => [v.policy, v.message])).toEqual([["no-debug-mode", expect.stringContaining("NODE_ENV")]]);
  });

  it("blocks a plaintext secret in a function's environment variables", async () => {
    const prod = plans.get("prod")!.resources;
    const provider = prod.find((r) => r.type === "aws:secretsmanager/secret:Secret")!.provider;
    // A Stripe-shaped live key, built at run time so no secret-shaped literal is committed.
    const key = ["sk", "live", randomBytes(18).toString("base64url").replace(/[-_]/g, "x")].join("_");
    const fn: CapturedResource = { urn: "urn:pulumi:prod::launch-baseline::aws:lambda/function:Function::api", type: "aws:lambda/function:Function", name: "api", custom: true, parent: null, provider, dependencies: [], inputs: { runtime: "nodejs20.x", tags: { environment: "prod" }, environment: { variables: { NODE_ENV: "production", STRIPE_SECRET_KEY: key } } } };
    const found = await mandatory([...prod, fn]);
    expect(found.map((v) => [v.policy, v.urn])).toEqual([["no-exposed-secrets", fn.urn]]);
    expect(found[0]!.message).toContain("STRIPE_SECRET_KEY");
    expect(found[0]!.message).not.toContain(key);
  });

  it("blocks DMARC p=none in prod", async () => {
    const found = await mandatory(mutated("email-dmarc", (i) => (i.content = String(i.content).replace("p=reject", "p=none"))));
    expect(found.map((v) => v.policy)).toEqual(["dns-dmarc-valid"]);
  });

  it("blocks a removed rate limit: the auth endpoints are no longer covered", async () => {
    const found = await mandatory(plans.get("prod")!.resources.filter((r) => r.name !== "abuse-rate-limits"));
    expect(found.map((v) => v.message).sort()).toEqual(["no rate-limiting rule matches POST /api/auth/login.", "no rate-limiting rule matches POST /api/auth/password-reset.", "no rate-limiting rule matches POST /api/auth/signup."]);
  });

  it("still judges when Configure carries only enforcement levels, and names a required setting that is missing", async () => {
    const info = await pack.info();
    await pack.configure(new Map(info.policies.map((p) => [p.name, { enforcementLevel: "mandatory", settings: {} }])));
    const byUrn = new Map(plans.get("prod")!.resources.map((r) => [r.urn, r]));
    const custom = plans.get("prod")!.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
    const withoutRateLimits = custom.filter((r) => r.name !== "abuse-rate-limits");
    const stack = await pack.analyzeStack(withoutRateLimits, byUrn);
    // The schema's default paths still apply: the rule does not throw on a missing setting.
    expect(stack.filter((d) => d.policy === "rate-limits-cover-auth").map((d) => d.message.split("\n").pop())).toEqual(["no rate-limiting rule matches POST /api/auth/login.", "no rate-limiting rule matches POST /api/auth/signup.", "no rate-limiting rule matches POST /api/auth/password-reset."]);
    expect(stack.filter((d) => d.policy === "environment-separation").map((d) => d.message.split("\n").pop())).toEqual(['the policy config gives no environment, so this rule cannot judge the stack. Fix: set "environment-separation": { "environment": … } in the pack\'s config (policies/config/<stack>.json).']);
  });
});
