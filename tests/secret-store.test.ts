import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { planJson, type PlanJson } from "./helpers/run-plan";

// The secret store and runtime environment: exact inputs per shipped stack through the offline
// plan, and secretness of every derived value on the mock engine in-process.

const ACCOUNT = { prod: "222233334444", staging: "333344445555", dev: "444455556666" } as const;
const REGION = { prod: "eu-west-1", staging: "eu-west-1", dev: "eu-central-1" } as const;
const EXTERNAL = { prod: ["smtp-password", "payment-provider-key", "pagerduty-critical-url"], staging: ["smtp-password", "payment-provider-key"], dev: ["payment-provider-key"] } as const;
const GENERATED = [
  ["jwt-signing-key", 64, "HMAC key that signs the API's JWTs"],
  ["session-signing-key", 64, "Key that signs session cookies"],
  ["csrf-token-key", 32, "Key that derives CSRF tokens"],
  ["webhook-signing-key", 48, "Key that signs outgoing webhooks"],
] as const;

const docs: Record<string, PlanJson> = {};
beforeAll(async () => {
  await Promise.all((["prod", "staging", "dev"] as const).map(async (s) => (docs[s] = (await planJson(s)).doc)));
});

describe.each(["prod", "staging", "dev"] as const)("stack %s", (env) => {
  const byName = (name: string) => docs[env].resources.find((r) => r.name === name);
  const inputs = (name: string) => byName(name)?.inputs as Record<string, unknown>;
  const readers = [`arn:aws:iam::${ACCOUNT[env]}:role/community-app-${env}`, `arn:aws:iam::${ACCOUNT[env]}:role/break-glass`, `arn:aws:iam::${ACCOUNT[env]}:role/pulumi-deploy`];
  const names = () => [...EXTERNAL[env], ...(env === "prod" ? ["dkim-private-key"] : []), ...GENERATED.map((g) => g[0])];

  it("has its own rotating customer-managed key, administered by the account, decryptable by the readers via Secrets Manager only", () => {
    const key = inputs("secrets-key");
    expect({ ...key, policy: undefined }).toEqual({ description: `launch-baseline-${env}-secrets: encrypts this environment's secrets`, enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30, policy: undefined });
    expect(JSON.parse(key.policy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT[env]}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "ReadersDecryptViaSecretsManager", Effect: "Allow", Principal: { AWS: readers }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*", Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION[env]}.amazonaws.com` } } },
      ],
    });
    expect(inputs("secrets-key-alias")).toEqual({ name: `alias/launch-baseline-${env}-secrets`, targetKeyId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("stores each secret at /launch-baseline/<env>/<name> with the key, a recovery window, its value as a secret and a resource policy", () => {
    const keyArn = docs[env].outputs.secretsKeyArn;
    for (const name of names()) {
      const secret = inputs(`secrets-${name}`);
      expect(secret).toEqual({ name: `/launch-baseline/${env}/${name}`, description: expect.any(String), kmsKeyId: keyArn, recoveryWindowInDays: env === "prod" ? 30 : 7 });
      expect(inputs(`secrets-${name}-value`)).toEqual({ secretId: expect.stringMatching(new RegExp(`^arn:aws:secretsmanager:${REGION[env]}:${ACCOUNT[env]}:secret:/launch-baseline/${env}/${name}-[0-9a-f]{6}$`)), secretString: expect.stringMatching(/^\[(secret|unknown)\]$/) });
      const policy = inputs(`secrets-${name}-policy`);
      expect(policy.blockPublicPolicy).toBe(true);
      expect(JSON.parse(policy.policy as string)).toEqual({
        Version: "2012-10-17",
        Statement: [
          { Sid: "AllowNamedReaders", Effect: "Allow", Principal: { AWS: readers }, Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: "*" },
          { Sid: "DenyEveryoneElse", Effect: "Deny", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalArn": readers } } },
        ],
      });
    }
    expect(docs[env].resources.filter((r) => r.type === "aws:secretsmanager/secret:Secret").length).toBe(names().length);
  });

  it("generates the signing keys with the right length and an alphanumeric alphabet", () => {
    for (const [name, length] of GENERATED) expect(inputs(`secrets-${name}-generator`)).toEqual({ length, special: false });
  });

  it("gives the app role a policy to read exactly this environment's secrets and decrypt with its key", () => {
    const arns = docs[env].outputs.secretArns as Record<string, string>;
    const policy = inputs("secrets-app-read");
    expect(policy.name).toBe(`launch-baseline-${env}-app-secrets-read`);
    const document = JSON.parse(policy.policy as string);
    document.Statement[0].Resource.sort();
    expect(document).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ReadThisEnvironmentsSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: Object.values(arns).sort() },
        { Sid: "DecryptWithThisEnvironmentsKey", Effect: "Allow", Action: "kms:Decrypt", Resource: docs[env].outputs.secretsKeyArn, Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION[env]}.amazonaws.com` } } },
      ],
    });
    expect(Object.values(arns).every((a) => a.includes(`:${ACCOUNT[env]}:secret:/launch-baseline/${env}/`))).toBe(true);
    expect(inputs("secrets-app-read-attachment")).toEqual({ role: `community-app-${env}`, policyArn: `arn:aws:iam::${ACCOUNT[env]}:policy/launch-baseline-${env}-app-secrets-read` });
  });

  it("publishes runtime settings and secret ARNs as String parameters under /launch-baseline/<env>/", () => {
    const params = docs[env].resources.filter((r) => r.type === "aws:ssm/parameter:Parameter").map((r) => [r.inputs.name, r.inputs.type]);
    expect(params.sort()).toEqual([
      ...["NODE_ENV", "LOG_LEVEL", "APP_URL", "API_URL"].map((k) => [`/launch-baseline/${env}/config/${k}`, "String"]),
      ...["JWT_SIGNING_KEY", "SESSION_SIGNING_KEY", "CSRF_TOKEN_KEY", "WEBHOOK_SIGNING_KEY", ...({ prod: ["SMTP_PASSWORD", "PAYMENT_PROVIDER_KEY", "DKIM_PRIVATE_KEY"], staging: ["SMTP_PASSWORD", "PAYMENT_PROVIDER_KEY"], dev: ["PAYMENT_PROVIDER_KEY"] }[env])].map((k) => [`/launch-baseline/${env}/secret-arns/${k}`, "String"]),
    ].sort());
  });

  it("exports names and ARNs only", () => {
    const outputs = JSON.stringify(docs[env].outputs);
    expect(outputs).not.toContain("[secret]");
    expect(Object.keys(docs[env].outputs.secretArns as object).sort()).toEqual(names().sort());
  });
});

describe("on the mock engine", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  let mod: { SecretStore: typeof import("../components/secret-store").SecretStore; RuntimeEnvironment: typeof import("../components/runtime-environment").RuntimeEnvironment };
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        // As the providers do with additionalSecretOutputs, which mocks do not apply themselves.
        newResource: (a) => (registered.push(a), { id: `${a.name}-id`, state: { ...a.inputs, arn: `arn:aws:test:::${a.name}`, ...(a.type === "random:index/randomPassword:RandomPassword" ? { result: pulumi.secret("r".repeat(a.inputs.length)) } : {}) } }),
        call: () => ({}),
      },
      "launch-baseline",
      "unit",
      false,
    );
    mod = { ...(await import("../components/secret-store.js")), ...(await import("../components/runtime-environment.js")) };
  });

  it("every value it stores is a secret Output; its ARNs are not", async () => {
    const store = new mod.SecretStore("u", {
      environment: "staging",
      accountId: "333344445555",
      region: "eu-west-1",
      appRoleName: "app",
      breakGlassRoleName: "bg",
      deployRoleName: "deploy",
      generated: [{ name: "jwt-signing-key", length: 64, description: "d" }],
      provided: { "smtp-password": { value: pulumi.secret("from-config"), description: "d" }, "plain-in": { value: "made-here", description: "d" } },
      rotation: { "smtp-password": { lambdaArn: "arn:aws:lambda:eu-west-1:333344445555:function:rotate", days: 30 } },
    });
    await new Promise((r) => setTimeout(r, 50));
    const versions = registered.filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion" && r.name.startsWith("u-"));
    expect(versions.map((v) => v.name).sort()).toEqual(["u-jwt-signing-key-value", "u-plain-in-value", "u-smtp-password-value"]);
    // Secret inputs reach the mock wrapped in the SDK's secret signature.
    for (const v of versions) expect(v.inputs.secretString).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
    expect(await pulumi.isSecret(store.arns["smtp-password"])).toBe(false);
    expect(registered.find((r) => r.name === "u-smtp-password-rotation")?.inputs).toEqual({ secretId: "u-smtp-password-id", rotationLambdaArn: "arn:aws:lambda:eu-west-1:333344445555:function:rotate", rotationRules: { automaticallyAfterDays: 30 } });
  });

  it("refuses production values it cannot run with", () => {
    expect(() => new mod.RuntimeEnvironment("bad", { environment: "prod", settings: { DEBUG: "true" }, secretArns: {} })).toThrow("RuntimeEnvironment: DEBUG=true turns debug mode on; prod runs with production values only");
    expect(() => new mod.RuntimeEnvironment("bad2", { environment: "staging", settings: { NODE_ENV: "development" }, secretArns: {} })).toThrow('RuntimeEnvironment: NODE_ENV is "development", not "production"; staging runs with production values only');
  });
});
