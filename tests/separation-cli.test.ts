import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editedStacks, planJson, runPlan } from "./helpers/run-plan";
import { githubToken } from "./helpers/fake-tokens";

async function refused(edit: (y: string) => string, problem: (file: string, dir: string) => string) {
  const dir = editedStacks("prod", edit);
  const r = await runPlan(["--stack", "prod", "--stacks-dir", dir]);
  const file = join(dir, "Pulumi.prod.yaml");
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(`error: Invalid configuration for stack "prod" (${file}):\n  - ${problem(file, dir)}\n`);
}

describe("environment separation, before anything is planned", () => {
  it("prod pointing at staging's AWS account", async () => {
    await refused(
      (y) => y.replace('"222233334444"', '"333344445555"'),
      (_f, dir) => `launch-baseline:awsAccountId = "333344445555": is the staging account (${join(dir, "Pulumi.staging.yaml")}); each environment has its own AWS account. Fix: pulumi config set launch-baseline:awsAccountId 123456789012 --stack prod`,
    );
  });

  it("a secret path of another environment", async () => {
    await refused(
      (y) => y.replace("      SMTP_PASSWORD: smtp-password", "      SMTP_PASSWORD: /launch-baseline/staging/smtp-password"),
      (f) => `launch-baseline:runtime.secrets.SMTP_PASSWORD = "/launch-baseline/staging/smtp-password": is a staging secret; an environment reads only its own secrets (/launch-baseline/prod/...). Fix: edit launch-baseline:runtime in ${f} (example: {settings: {NODE_ENV: production}, secrets: {JWT_SIGNING_KEY: jwt-signing-key}})`,
    );
  });

  it("a host in another environment's zone", async () => {
    await refused(
      (y) => y.replace("    - hostname: api.example.com", "    - hostname: reports.staging.example.com\n      origin: reports.example.net\n    - hostname: api.example.com"),
      (f, dir) => `launch-baseline:hosts[3].hostname = "reports.staging.example.com": belongs to the staging zone staging.example.com (${join(dir, "Pulumi.staging.yaml")}); serve it from that stack. Fix: edit launch-baseline:hosts in ${f} (example: [{hostname: app.example.com, origin: web.example.net}])`,
    );
  });

  it("a plaintext secret value, never echoed", async () => {
    const value = randomBytes(12).toString("hex");
    const dir = editedStacks("prod", (y) => `${y}  launch-baseline:secretValues:\n    smtp-password: ${value}\n`);
    const r = await runPlan(["--stack", "prod", "--stacks-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: Invalid configuration for stack "prod" (${join(dir, "Pulumi.prod.yaml")}):\n  - launch-baseline:secretValues is stored in plaintext; it is a secret. Fix: pulumi config rm launch-baseline:secretValues --stack prod, rotate what it held, then pulumi config set --secret --path 'launch-baseline:secretValues.<name>' --stack prod for each entry (it prompts for the value)\n`,
    );
    expect(r.stdout + r.stderr).not.toContain(value);
  });

  it("debug settings in prod", async () => {
    await refused(
      (y) => y.replace("      NODE_ENV: production", "      NODE_ENV: production\n      DEBUG: \"true\""),
      (f) => `launch-baseline:runtime.settings.DEBUG = "true": is refused in prod: DEBUG=true turns debug mode on. Fix: edit launch-baseline:runtime in ${f} (example: {settings: {NODE_ENV: production}, secrets: {JWT_SIGNING_KEY: jwt-signing-key}})`,
    );
  });

  it("a secret name Secrets Manager would misread", async () => {
    await refused(
      (y) => y.replace("      - smtp-password\n", "      - smtp-password\n      - stripe-secret\n"),
      (f) => `launch-baseline:secrets.external[1] = "stripe-secret": must not end in a hyphen and six characters (Secrets Manager reads that as its ARN suffix); e.g. use session-key instead of session-secret. Fix: edit launch-baseline:secrets in ${f} (example: {appRoleName: community-app, breakGlassRoleName: break-glass, deployRoleName: pulumi-deploy, external: [smtp-password]})`,
    );
  });
});

describe("stack outputs that carry secrets unmarked", () => {
  it("block the plan (exit 1), and neither value is printed", async () => {
    const token = githubToken();
    const { code, doc, stderr } = await planJson("prod", ["--program", "tests/fixtures/leaky-program.ts"], { LEAKED_TOKEN: token });
    expect(code).toBe(1);
    expect(doc.policy.violations.filter((v) => v.policy === "stack-outputs-secret").map((v) => v.message)).toEqual([
      "output integration.token carries a secret value but is not marked secret (value not shown). Fix: export it with pulumi.secret(...), or do not export it.",
      "output smtpPassword carries a secret value but is not marked secret (value not shown). Fix: export it with pulumi.secret(...), or do not export it.",
    ]);
    expect(doc.outputs.smtpPassword).toBe("[secret]");
    expect(doc.outputs.integration).toEqual({ token: "[secret]" });
    expect(JSON.stringify(doc) + stderr).not.toContain(token);
  });
});
