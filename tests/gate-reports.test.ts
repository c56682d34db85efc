import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { catalogue, catalogueTable } from "../policies/catalogue";
import { policies, rules } from "../policies/policies";
import { planJson, runPlan } from "./helpers/run-plan";
import { githubToken } from "./helpers/fake-tokens";

const tmp = () => mkdtempSync(join(tmpdir(), "lb-gate-"));

describe("rule catalogue", () => {
  it.each(rules.map((r) => [r.name, r] as const))("%s carries complete metadata", (_name, r) => {
    expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(["low", "medium", "high", "critical"]).toContain(r.severity);
    expect(r.description.length).toBeGreaterThan(40);
    expect(r.remediationSteps.length).toBeGreaterThan(40);
    expect(r.runbook).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.references.length).toBeGreaterThan(0);
    expect(r.references.some((x) => x.standard === "OWASP API Security Top 10 2023" || x.standard === "OWASP ASVS 4.0.3" || x.standard === "RFC" || x.standard === "Vendor")).toBe(true);
    for (const ref of r.references) expect(ref.url).toMatch(/^https:\/\//);
  });

  it("every rule is in the pack, wrapped for suppressions, and ids are unique", () => {
    expect(policies.map((p) => p.name)).toEqual(rules.map((r) => r.name));
    expect(new Set(catalogue().map((e) => e.id)).size).toBe(catalogue().length);
    for (const p of policies) expect(p.configSchema?.properties.suppress).toBeDefined();
  });

  it("docs/gate.md's rule table is the generated one", () => {
    expect(readFileSync("docs/gate.md", "utf8")).toContain(catalogueTable());
  });

  it("plan --rules lists every rule with its level per environment", async () => {
    const r = await runPlan(["--rules"]);
    expect(r.code).toBe(0);
    for (const e of catalogue()) expect(r.stdout).toContain(e.id);
    const w = Math.max(...catalogue().map((e) => e.id.length));
    expect(r.stdout).toContain(`${"zone-hsts".padEnd(w)}  resource  high      mandatory  advisory   advisory   runbooks/redirect-loop-or-hsts-lock-in.md`);
    const json = JSON.parse((await runPlan(["--rules", "--json"])).stdout);
    expect(json.length).toBe(catalogue().length);
  });
});

describe("suppressions", () => {
  const setting = (value: number): CapturedResource => ({ urn: "urn:pulumi:prod::launch-baseline::launch:edge:EdgeSecurity$cloudflare:index/zoneSetting:ZoneSetting::edge-hsts", type: "cloudflare:index/zoneSetting:ZoneSetting", name: "edge-hsts", custom: true, parent: null, provider: null, dependencies: [], inputs: { zoneId: "z", settingId: "security_header", value: { strict_transport_security: { enabled: true, max_age: value } } } });
  async function withSuppress(suppress: unknown[]) {
    const file = join(tmp(), "prod.json");
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync("policies/config/prod.json", "utf8")), "zone-hsts": { enforcementLevel: "mandatory", minMaxAgeSeconds: 31536000, suppress } }));
    const v = await evaluatePolicies(policies, [setting(86400)], resolvePolicyConfig(policies, file));
    return v.filter((x) => x.policy === "zone-hsts").map((x) => ({ level: x.enforcementLevel, suppressed: !!x.suppressed, message: x.message }));
  }

  it("a suppression with a reason and a future expiry turns the finding advisory, still reported", async () => {
    expect(await withSuppress([{ resource: "edge-*", reason: "HSTS ramp-up, OPS-42", expires: "2099-12-31" }])).toEqual([
      { level: "advisory", suppressed: true, message: "suppressed until 2099-12-31 (HSTS ramp-up, OPS-42): HSTS max_age is 86400 s; this environment requires at least 31536000 s." },
    ]);
  });

  it("an expired suppression suppresses nothing and is itself a violation", async () => {
    expect(await withSuppress([{ resource: "urn:pulumi:prod::launch-baseline::launch:edge:EdgeSecurity$cloudflare:index/zoneSetting:ZoneSetting::edge-hsts", reason: "ramp-up", expires: "2020-01-31" }])).toEqual([
      { level: "mandatory", suppressed: false, message: "HSTS max_age is 86400 s; this environment requires at least 31536000 s." },
      { level: "mandatory", suppressed: false, message: "the suppression for urn:pulumi:prod::launch-baseline::launch:edge:EdgeSecurity$cloudflare:index/zoneSetting:ZoneSetting::edge-hsts expired on 2020-01-31, so it suppresses nothing. Fix: give it a reason and an expiry date, or remove it." },
    ]);
  });

  it("a suppression without a reason is a violation too", async () => {
    expect((await withSuppress([{ resource: "edge-hsts", expires: "2099-12-31" }])).map((x) => x.message)[1]).toBe("the suppression for edge-hsts has no reason, so it suppresses nothing. Fix: give it a reason and an expiry date, or remove it.");
  });
});

describe("reports", () => {
  const token = () => githubToken();

  it("SARIF 2.1.0 validates against the schema, with rule metadata and stable fingerprints", async () => {
    const leak = token();
    const run = () => runPlan(["--stack", "prod", "--program", "tests/fixtures/leaky-program.ts", "--format", "sarif"], { LEAKED_TOKEN: leak });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.code).toBe(1);
    const sarif = JSON.parse(a.stdout);
    const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(catalogue().map((e) => e.id));
    const results = sarif.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string> }>;
    expect(results.filter((r) => r.level === "error").map((r) => r.ruleId)).toEqual(["stack-outputs-secret", "stack-outputs-secret"]);
    for (const r of results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const prints = results.map((r) => r.partialFingerprints["launchBaselineFinding/v1"]);
    expect(new Set(prints).size).toBe(prints.length);
    expect(JSON.parse(b.stdout).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["launchBaselineFinding/v1"])).toEqual(prints);
    expect(a.stdout).not.toContain(leak);
  });

  it("Markdown for a pull-request comment; no format prints a secret", async () => {
    const leak = token();
    const outputs = await Promise.all(["text", "json", "markdown", "sarif"].map((f) => runPlan(["--stack", "prod", "--program", "tests/fixtures/leaky-program.ts", "--format", f], { LEAKED_TOKEN: leak })));
    for (const o of outputs) {
      expect(o.code).toBe(1);
      expect(o.stdout + o.stderr).not.toContain(leak);
    }
    const md = outputs[2].stdout;
    expect(md.split("\n")[0]).toBe("### ❌ launch-baseline plan: stack `prod` blocked by 2 mandatory violations");
    expect(md).toContain("| mandatory | `stack-outputs-secret` | critical | launch-baseline-prod | output integration.token carries a secret value but is not marked secret (value not shown). Fix: export it with pulumi.secret(...), or do not export it. |");
  });
});

describe("audit of deployed state", () => {
  it("evaluates the pack against a pulumi stack export, with encrypted secrets masked", async () => {
    const { doc } = await planJson("prod");
    const ciphertext = randomBytes(48).toString("base64");
    // Secrets in an export are encrypted: every value the plan shows as [secret] becomes ciphertext.
    const encrypt = (v: unknown): unknown =>
      v === "[secret]" ? { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext } : Array.isArray(v) ? v.map(encrypt) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encrypt(x)])) : v;
    const resources = doc.resources.map((r) => ({
      urn: r.urn,
      custom: !r.type.startsWith("launch:") && r.type !== "pulumi:pulumi:Stack",
      id: `${r.name}-id`,
      type: r.type,
      inputs:
        r.name === "edge-ssl"
          ? { ...r.inputs, value: "flexible" }
          : r.name === "secrets-smtp-password-value"
            ? { ...r.inputs, secretString: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext } }
            : encrypt(r.inputs),
      outputs: {},
      ...(r.parent ? { parent: r.parent } : {}),
      ...(r.provider ? { provider: `${r.provider}::${r.provider.split("::").pop()}-id` } : {}),
      dependencies: r.dependencies,
    }));
    const file = join(tmp(), "prod-export.json");
    writeFileSync(file, JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-11-29T00:00:00Z", magic: "x", version: "v3.200.0" }, resources } }));
    const r = await runPlan(["--state", file, "--format", "json"]);
    expect(r.code).toBe(1);
    const audit = JSON.parse(r.stdout);
    expect(audit.stack).toBe("prod");
    expect(audit.policy.violations.filter((v: { enforcementLevel: string }) => v.enforcementLevel === "mandatory").map((v: { policy: string; message: string }) => [v.policy, v.message])).toEqual([
      ["zone-ssl-strict", 'ssl is "flexible"; only "strict" encrypts and validates the origin connection.'],
    ]);
    expect(r.stdout).not.toContain(ciphertext);
    expect(audit.resources.find((x: { name: string }) => x.name === "secrets-smtp-password-value").inputs.secretString).toBe("[secret]");
    const text = await runPlan(["--state", file]);
    expect(text.stdout.split("\n")[0]).toBe(`Auditing launch-baseline (stack prod) from ${file}, a pulumi stack export: no program run, no credentials.`);
  });

  it("audits resource types named like properties of every JavaScript object, without crashing", async () => {
    const stack = { urn: "urn:pulumi:prod::launch-baseline::pulumi:pulumi:Stack::launch-baseline-prod", custom: false, type: "pulumi:pulumi:Stack", outputs: {} };
    const odd = ["constructor", "__proto__"].map((type) => ({ urn: `urn:pulumi:prod::launch-baseline::${type}::odd`, custom: true, id: "odd-id", type, inputs: {}, outputs: {} }));
    const file = join(tmp(), "odd-types.json");
    writeFileSync(file, JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-11-29T00:00:00Z", magic: "x", version: "v3.200.0" }, resources: [stack, ...odd] } }));
    const r = await runPlan(["--state", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Resources: 3 in the exported state\n");
  });

  it("refuses a file that is not a stack export", async () => {
    const file = join(tmp(), "x.json");
    writeFileSync(file, "{}");
    const r = await runPlan(["--state", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file} is not a pulumi stack export (deployment version 3 with resources). Fix: write it with pulumi stack export --file ${file}.\n`);
  });
});
