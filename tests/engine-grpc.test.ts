import { describe, expect, it } from "vitest";
import { planJson, runPlan, type PlanJson } from "./helpers/run-plan";

// `pulumi up` starts the program with the SDK's own runner (cmd/run: ts-node over tsconfig.json,
// type-checked), talking gRPC to the engine. `plan --engine grpc` does exactly that against a
// loopback engine on 127.0.0.1; its plan must be the mock path's, resource by resource.

const byUrn = (doc: PlanJson) => new Map(doc.resources.map((r) => [r.urn, r]));
const verdicts = (doc: PlanJson) => doc.policy.violations.map((v) => `${v.policy} ${v.enforcementLevel} ${v.urn} ${v.message}`).sort();

describe.each(["prod", "staging", "dev"])("the %s program under the SDK's runner", (stack) => {
  it("compiles, runs, and plans the same resources, inputs, secrets and verdicts as the mock engine", async () => {
    const [wire, mock] = await Promise.all([planJson(stack, ["--engine", "grpc"]), planJson(stack)]);
    expect(wire.stderr).toBe("");
    expect(wire.code).toBe(mock.code);
    const a = byUrn(wire.doc);
    const b = byUrn(mock.doc);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [urn, r] of b) expect(a.get(urn), urn).toEqual(r);
    expect(wire.doc.outputs).toEqual(mock.doc.outputs);
    expect(verdicts(wire.doc)).toEqual(verdicts(mock.doc));
    // A secret crossed the wire as a secret: the plan shows it masked, never its value.
    const secretValues = wire.doc.resources.filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion");
    // Config-held values are known and secret; generated ones are unknown until deploy.
    expect(secretValues.filter((r) => r.inputs.secretString === "[secret]").length).toBeGreaterThan(0);
    for (const r of secretValues) expect(["[secret]", "[unknown]"], r.name).toContain(r.inputs.secretString);
    expect(wire.doc.resources.length).toBeGreaterThan(150);
  }, 180_000);
});

describe("a program that throws under the runner", () => {
  it("exits 3 with the error as the CLI shows it, and no stack trace", async () => {
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
