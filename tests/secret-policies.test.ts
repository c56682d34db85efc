import { describe, expect, it } from "vitest";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { policies } from "../policies/policies";
import { credentials, lookAlikes } from "./helpers/secret-corpus";
import { STACK_WIDE_RULES } from "./helpers/stack-wide-rules";

const PROVIDER_URN = "urn:pulumi:prod::launch-baseline::pulumi:providers:aws::aws";
const provider = (accounts: string[] | undefined, environment = "prod"): CapturedResource => ({
  urn: PROVIDER_URN,
  type: "pulumi:providers:aws",
  name: "aws",
  custom: true,
  parent: null,
  provider: null,
  dependencies: [],
  inputs: { region: "eu-west-1", ...(accounts ? { allowedAccountIds: JSON.stringify(accounts) } : {}), defaultTags: JSON.stringify({ tags: { environment } }) },
});
let n = 0;
const resource = (type: string, inputs: Record<string, unknown>, withProvider = true): CapturedResource => ({ urn: `urn:pulumi:prod::launch-baseline::${type}::r${++n}`, type, name: `r${n}`, custom: true, parent: null, provider: withProvider ? PROVIDER_URN : null, dependencies: [], inputs });

async function findings(stack: string, ...resources: CapturedResource[]) {
  const all = (await evaluatePolicies(policies, [provider(["222233334444"], stack), ...resources], resolvePolicyConfig(policies, `policies/config/${stack}.json`))).filter((x) => !STACK_WIDE_RULES.includes(x.policy));
  return all.map((v) => `${v.enforcementLevel} ${v.policy}: ${v.message}`);
}

// Every place a plain value is readable, holding `value` under `name`.
const PLACES: Array<[string, (name: string, value: string) => CapturedResource, string]> = [
  ["Lambda environment", (k, v) => resource("aws:lambda/function:Function", { environment: { variables: { [k]: v } }, tags: { environment: "prod" } }), "environment variable NAME"],
  ["ECS container definitions", (k, v) => resource("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "web", environment: [{ name: k, value: v }] }]), tags: { environment: "prod" } }), "environment variable NAME of container web"],
  ["App Runner", (k, v) => resource("aws:apprunner/service:Service", { sourceConfiguration: { imageRepository: { imageConfiguration: { runtimeEnvironmentVariables: { [k]: v } } } } }), "runtime environment variable NAME"],
  ["Elastic Beanstalk", (k, v) => resource("aws:elasticbeanstalk/environment:Environment", { settings: [{ namespace: "aws:elasticbeanstalk:application:environment", name: k, value: v }] }), "environment property NAME"],
  ["Workers plain_text binding", (k, v) => resource("cloudflare:index/workersScript:WorkersScript", { bindings: [{ type: "plain_text", name: k, text: v }] }, false), "plain_text binding NAME"],
  ["Pages project", (k, v) => resource("cloudflare:index/pagesProject:PagesProject", { deploymentConfigs: { production: { envVars: { [k]: { type: "plain_text", value: v } } } } }, false), "production environment variable NAME"],
  ["SSM String parameter", (k, v) => resource("aws:ssm/parameter:Parameter", { name: `/launch-baseline/prod/config/${k}`, type: "String", value: v, tags: { environment: "prod" } }), "String parameter /launch-baseline/prod/config/NAME"],
  ["tag", (k, v) => resource("aws:s3/bucket:Bucket", { tags: { environment: "prod", [k]: v } }), "tag NAME"],
  ["description", (_k, v) => resource("aws:iam/policy:Policy", { name: "p", policy: "{}", description: `token ${v}`, tags: { environment: "prod" } }), "description"],
  ["DNS TXT record", (_k, v) => resource("cloudflare:index/dnsRecord:DnsRecord", { zoneId: "z", name: "verify.example.com", type: "TXT", content: v, ttl: 1 }, false), "TXT record verify.example.com"],
];

describe("no-exposed-secrets", () => {
  const leak = credentials().find((c) => c.kind === "github-token")!;
  it.each(PLACES)("blocks a credential in a %s", async (_what, build, where) => {
    const f = await findings("prod", build(leak.name, leak.value));
    const expectedWhere = where.replace("NAME", leak.name);
    expect(f).toEqual([`mandatory no-exposed-secrets: ${expectedWhere} holds a GitHub token (value not shown). Move it to the secret store and rotate it.`]);
    expect(f.join("")).not.toContain(leak.value);
  });

  it.each(credentials().map((c) => [c.kind, c] as const))("recognises %s in a Lambda environment", async (_kind, c) => {
    const f = await findings("prod", PLACES[0][1](c.name, c.value));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatch(new RegExp(`^mandatory no-exposed-secrets: environment variable ${c.name} holds `));
  });

  // A weak password is a password once it is deployed: only the look-alikes that are no literal
  // password pass everywhere (the detector's own tests hold "changeme" as documentation in text).
  const deployedPassword = new Set(["changeme"]);
  it.each(lookAlikes().filter((c) => !deployedPassword.has(c.kind)).map((c) => [c.kind, c] as const))("passes a look-alike in every place: %s", async (_kind, c) => {
    for (const [, build] of PLACES) expect((await findings("prod", build(c.name, c.value))).filter((f) => f.includes("no-exposed-secrets"))).toEqual([]);
  });

  it("blocks a weak or placeholder password under a password's name in every named place, and passes what stands in for one", async () => {
    const named = PLACES.filter(([what]) => what !== "description" && what !== "DNS TXT record");
    for (const weak of ["changeme", "admin123", "postgres", "Password1!"])
      for (const [what, build, where] of named)
        expect(await findings("prod", build("DB_PASSWORD", weak)), `${weak} in ${what}`).toEqual([`mandatory no-exposed-secrets: ${where.replace("NAME", "DB_PASSWORD")} holds a password under the name "DB_PASSWORD" (value not shown). Move it to the secret store and rotate it.`]);
    const standIns = ["${DB_PASSWORD}", "{{ .Values.db.password }}", "$DB_PASSWORD", "<db-password>", "********", "arn:aws:secretsmanager:eu-west-1:222233334444:secret:db-AbCdEf", "launch-baseline/prod/db-password", "/run/secrets/db_password", "none", ""];
    for (const v of standIns) for (const [what, build] of named) expect((await findings("prod", build("DB_PASSWORD", v))).filter((f) => f.includes("no-exposed-secrets")), `${v} in ${what}`).toEqual([]);
  });

  it("leaves the secret-bearing fields alone", async () => {
    const leak = credentials()[0];
    expect(
      await findings(
        "prod",
        resource("aws:secretsmanager/secretVersion:SecretVersion", { secretId: "s", secretString: leak.value }),
        resource("aws:ssm/parameter:Parameter", { name: "/launch-baseline/prod/k", type: "SecureString", value: leak.value, tags: { environment: "prod" } }),
        resource("cloudflare:index/workersScript:WorkersScript", { bindings: [{ type: "secret_text", name: "K", text: leak.value }] }, false),
        resource("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "web", secrets: [{ name: "K", valueFrom: "arn:aws:secretsmanager:eu-west-1:222233334444:secret:/launch-baseline/prod/k-abc123" }] }]), tags: { environment: "prod" } }),
      ),
    ).toEqual([]);
  });
});

describe("no-debug-mode", () => {
  it.each([
    ["DEBUG", "true", "DEBUG=true turns debug mode on"],
    ["APP_DEBUG", "1", "APP_DEBUG=1 turns debug mode on"],
    ["FLASK_DEBUG", "1", "FLASK_DEBUG=1 turns debug mode on"],
    ["DJANGO_DEBUG", "True", "DJANGO_DEBUG=True turns debug mode on"],
    ["NODE_ENV", "development", 'NODE_ENV is "development", not "production"'],
    ["RAILS_ENV", "development", "RAILS_ENV=development runs the development configuration"],
    ["RACK_ENV", "development", "RACK_ENV=development runs the development configuration"],
    ["ASPNETCORE_ENVIRONMENT", "Development", "ASPNETCORE_ENVIRONMENT=Development shows the developer exception page"],
  ])("%s=%s blocks prod and staging, advisory in dev", async (k, v, problem) => {
    const lambda = () => resource("aws:lambda/function:Function", { environment: { variables: { [k]: v } }, tags: { environment: "prod" } });
    expect(await findings("prod", lambda())).toEqual([`mandatory no-debug-mode: environment variable ${k}: ${problem}.`]);
    expect((await findings("staging", resource("aws:lambda/function:Function", { environment: { variables: { [k]: v } }, tags: { environment: "staging" } }))).map((f) => f.split(":")[0])).toEqual(["mandatory no-debug-mode"]);
    expect((await findings("dev", resource("aws:lambda/function:Function", { environment: { variables: { [k]: v } }, tags: { environment: "dev" } }))).map((f) => f.split(":")[0])).toEqual(["advisory no-debug-mode"]);
  });

  it("passes production values", async () => {
    expect(await findings("prod", resource("aws:lambda/function:Function", { environment: { variables: { NODE_ENV: "production", DEBUG: "false", RAILS_ENV: "production" } }, tags: { environment: "prod" } }))).toEqual([]);
  });
});

describe("secrets-storage", () => {
  const secret = (extra: Record<string, unknown>) => resource("aws:secretsmanager/secret:Secret", { name: "/launch-baseline/prod/x", recoveryWindowInDays: 30, kmsKeyId: "arn:aws:kms:eu-west-1:222233334444:key/1", tags: { environment: "prod" }, ...extra });
  it("passes a customer-managed key with a recovery window, and a rotating key", async () => {
    expect(await findings("prod", secret({}), resource("aws:kms/key:Key", { enableKeyRotation: true, tags: { environment: "prod" } }))).toEqual([]);
  });
  it.each([
    ["the AWS-managed key", { kmsKeyId: "alias/aws/secretsmanager" }, "secret /launch-baseline/prod/x uses the AWS-managed key; give it the environment's customer-managed key (kmsKeyId)."],
    ["no key", { kmsKeyId: undefined }, "secret /launch-baseline/prod/x uses the AWS-managed key; give it the environment's customer-managed key (kmsKeyId)."],
    ["a zero recovery window", { recoveryWindowInDays: 0 }, "secret /launch-baseline/prod/x has recoveryWindowInDays 0: a deletion would be immediate and unrecoverable."],
  ])("blocks %s in prod", async (_what, extra, message) => {
    expect(await findings("prod", secret(extra))).toEqual([`mandatory secrets-storage: ${message}`]);
  });
  it("blocks a key that does not rotate in prod; advisory in staging", async () => {
    expect(await findings("prod", resource("aws:kms/key:Key", { enableKeyRotation: false, tags: { environment: "prod" } }))).toEqual(["mandatory secrets-storage: the KMS key does not rotate (enableKeyRotation must be true)."]);
    expect(await findings("staging", resource("aws:kms/key:Key", { enableKeyRotation: false, tags: { environment: "staging" } }))).toEqual(["advisory secrets-storage: the KMS key does not rotate (enableKeyRotation must be true)."]);
  });
});

describe("environment-separation", () => {
  it("passes pinned, tagged resources", async () => {
    expect(await findings("prod", resource("aws:sns/topic:Topic", { name: "t" }))).toEqual([]);
  });
  it("blocks a resource on the default provider, and one tagged for another environment", async () => {
    const unpinned = resource("aws:sns/topic:Topic", { name: "t" }, false);
    const mistagged = resource("aws:sns/topic:Topic", { name: "t2", tags: { environment: "staging" } });
    expect(await findings("prod", unpinned, mistagged)).toEqual([
      `mandatory environment-separation: aws:sns/topic:Topic ${unpinned.name} does not use an AWS provider pinned to exactly one account (allowedAccountIds).`,
      `mandatory environment-separation: aws:sns/topic:Topic ${mistagged.name} has environment tag "staging"; this stack is prod.`,
    ]);
  });
  it("blocks a provider with no allowedAccountIds", async () => {
    const r = resource("aws:sns/topic:Topic", { name: "t" });
    const v = (await evaluatePolicies(policies, [provider(undefined), r], resolvePolicyConfig(policies, "policies/config/prod.json"))).filter((x) => !STACK_WIDE_RULES.includes(x.policy));
    expect(v.map((x) => x.message)).toEqual([`aws:sns/topic:Topic ${r.name} does not use an AWS provider pinned to exactly one account (allowedAccountIds).`]);
  });
});
