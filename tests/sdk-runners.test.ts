import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPolicyPack, type PolicyPackProcess } from "../lib/engine/analyzer";
import { analyzeOverGrpc, type AnalyzerVerdict } from "../lib/engine/gate";
import { planStack, type PlanResult } from "../lib/plan/plan";
import type { CapturedResource, Violation } from "../lib/plan/types";
import { planDocument } from "../lib/plan/report-json";
import { SECRET_SIG, SIG } from "../lib/plan/wire";
import { policies } from "../policies/policies";
import { ROOT, planJson, runPlan, type PlanJson } from "./helpers/run-plan";

// Both halves of `pulumi preview --policy-pack policies`, each under the SDK's own runner:
// - the program under cmd/run (ts-node over tsconfig.json, type-checked) talking gRPC to the
//   loopback engine, as `pulumi up` starts it; its plan must be the mock path's, resource by resource;
// - the pack under cmd/run-policy-pack, its own ts-node compiling it, every question asked over
//   gRPC; its verdicts must be the offline plan's, and it must block.
// One file, so the three programs run under the runner once (about 8 s of CPU each) for both.

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

const byUrn = (doc: Pick<PlanJson, "resources">) => new Map(doc.resources.map((r) => [r.urn, r]));
const verdicts = (doc: Pick<PlanJson, "policy">) => doc.policy.violations.map((v) => `${v.policy} ${v.enforcementLevel} ${v.urn} ${v.message}`).sort();

describe.each(STACKS)("the %s program under the SDK's runner", (stack) => {
  it("compiles, runs, and plans the same resources, inputs, secrets and verdicts as the mock engine", async () => {
    // The mock side is `plan --stack <s> --json` as the CLI prints it; the wire side is the same
    // document built from the plan the runner produced.
    const mock = await planJson(stack);
    const wire = JSON.parse(JSON.stringify(planDocument(plans.get(stack)!))) as PlanJson;
    expect(wire.passed).toBe(mock.doc.passed);
    const a = byUrn(wire);
    const b = byUrn(mock.doc);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [urn, r] of b) expect(a.get(urn), urn).toEqual(r);
    expect(wire.outputs).toEqual(mock.doc.outputs);
    expect(verdicts(wire)).toEqual(verdicts(mock.doc));
    // A secret crossed the wire as a secret: the plan shows it masked, never its value.
    const secretValues = wire.resources.filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion");
    // Config-held values are known and secret; generated ones are unknown until deploy.
    expect(secretValues.filter((r) => r.inputs.secretString === "[secret]").length).toBeGreaterThan(0);
    for (const r of secretValues) expect(["[secret]", "[unknown]"], r.name).toContain(r.inputs.secretString);
    expect(wire.resources.length).toBeGreaterThan(150);
  });
});

describe("plan --engine grpc", () => {
  it("exits 3 on a program that throws, with the error as the CLI shows it, and no stack trace", async () => {
    const r = await runPlan(["--stack", "prod", "--engine", "grpc", "--program", "tests/fixtures/failing-program.ts"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: the program failed while planning: Running program '.*tests\/fixtures\/failing-program\.ts' failed with an unhandled exception:\nError: the origin list is empty: set launch-baseline:hosts\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe("the wire itself", () => {
  it("carries config secrets in the secret signature and generated values as the unknown sentinel", async () => {
    const { runOverGrpc } = await import("../lib/engine/loopback.js");
    const { readStackConfig, withSecretPlaceholders } = await import("../lib/config/stack-file.js");
    const { offlineMocks } = await import("../lib/plan/mocks.js");
    const { raw } = withSecretPlaceholders(readStackConfig("stacks", "prod").raw);
    const run = await runOverGrpc({ root: process.cwd(), project: "launch-baseline", stack: "prod", config: raw, mocks: offlineMocks({ awsAccountId: "111111111111", awsRegion: "eu-west-1" }) });
    expect(run.exitCode).toBe(0);
    const { SIG, SECRET_SIG, UNKNOWN } = await import("../lib/plan/wire.js");
    const values = run.registrations.filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion").map((r) => r.object.secretString as Record<string, unknown> | string);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      if (v === UNKNOWN) continue;
      expect(typeof v === "object" && v !== null && v[SIG]).toBe(SECRET_SIG);
    }
    expect(values.some((v) => typeof v === "object")).toBe(true);
    // The config secrets were declared secret to the program exactly as the CLI declares them.
    expect(run.logs.filter((l) => l.severity === 3)).toEqual([]);
  }, 120_000);
});

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
