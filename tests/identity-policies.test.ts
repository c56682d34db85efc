import { describe, expect, it } from "vitest";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { policies } from "../policies/policies";
import { BRANCH_PINNED, SAFE, UNSAFE } from "./helpers/trust-fixtures";

// The identity rules on the trust policies of real accounts: every unsafe shape blocked by the
// rule that owns it, every safe one passed, each message saying who could assume and how to fix.

const IDENTITY = ["iam-oidc-trust-pinned", "iam-trust-no-public-principal", "iam-pipeline-roles-not-admin", "iam-deploy-role-environment", "cloudflare-token-zone-scoped", "state-bucket-private"];
const res = (type: string, name: string, inputs: Record<string, unknown>): CapturedResource => ({ urn: `urn:pulumi:prod::launch-baseline-bootstrap::${type}::${name}`, type, name, custom: true, parent: null, provider: null, dependencies: [], inputs });
const role = (name: string, doc: object, tags: Record<string, string> = { environment: "prod" }, extra: Record<string, unknown> = {}) => res("aws:iam/role:Role", name, { name, assumeRolePolicy: JSON.stringify(doc), tags, ...extra });
const judge = async (resources: CapturedResource[], stack = "prod") => (await evaluatePolicies(policies, resources, resolvePolicyConfig(policies, `policies/config/${stack}.json`))).filter((v) => IDENTITY.includes(v.policy));

describe("trust policies found in real accounts", () => {
  it.each(Object.entries(UNSAFE))("blocks %s", async (_shape, { doc, rule }) => {
    const found = await judge([role("deploy", doc)]);
    expect(found.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policy)).toContain(rule);
    for (const v of found) expect(v.message).toMatch(/Fix: /);
  });

  it.each(Object.entries(SAFE))("passes %s", async (_shape, doc) => {
    expect(await judge([role("deploy", doc)])).toEqual([]);
  });

  it("says who could assume an owner-wide trust, and how to pin it", async () => {
    const [v] = await judge([role("deploy", UNSAFE["sub as repo:org/*"].doc, { environment: "staging" })]);
    expect(v!.message).toMatch(/^can be assumed from every repository of acme-corp, not one: the trust lets in a push to refs\/tags\/v0\.0\.1 of acme-corp\/another-repository, for one\. Fix: /);
    const [any] = await judge([role("deploy", UNSAFE["StringLike without a repository"].doc, { environment: "staging" })]);
    expect(any!.message).toMatch(/^can be assumed from any repository on GitHub: the trust lets in a job in environment production of someone-else\/another-repository, for one\. /);
    expect(v!.message).toContain('"token.actions.githubusercontent.com:sub": "repo:<owner>/<repo>:environment:<env>"');
  });

  it("names the missing audience", async () => {
    const [v] = await judge([role("deploy", UNSAFE["GitHub OIDC without aud"].doc)]);
    expect(v!.message).toBe("trusts arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com without a condition on the token's audience (token.actions.githubusercontent.com:aud), so a token minted for any other client of that issuer is accepted. Fix: add StringEquals on the aud key (sts.amazonaws.com for GitHub Actions).");
  });
});

describe("deploy roles pinned to an environment", () => {
  it("blocks a production role a branch push can assume, and advises on a staging one", async () => {
    const prod = await judge([role("deploy-prod", BRANCH_PINNED, { environment: "prod" })]);
    expect(prod.map((v) => [v.policy, v.enforcementLevel])).toEqual([["iam-deploy-role-environment", "mandatory"]]);
    expect(prod[0]!.message).toBe("is a production role and is not pinned to a GitHub environment: a push can assume it without any environment's protection (who can: a push to refs/heads/main of acme-corp/community). Fix: use sub repo:<owner>/<repo>:environment:<env>.");
    const staging = await judge([role("deploy-staging", BRANCH_PINNED, { environment: "staging" })]);
    expect(staging.map((v) => [v.policy, v.enforcementLevel])).toEqual([["iam-deploy-role-environment", "advisory"]]);
  });
});

describe("administrator rights on a pipeline role", () => {
  const pinned = SAFE["environment pinned (StringEquals aud and sub)"];
  it("blocks AdministratorAccess attached, and Action * inline", async () => {
    const found = await judge([
      role("deploy", pinned),
      res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "deploy-admin", { role: "deploy", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
      res("aws:iam/rolePolicy:RolePolicy", "deploy-inline", { role: "deploy", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }),
    ]);
    expect(found.map((v) => v.message)).toEqual([
      "role deploy can be assumed by a pipeline and holds administrator rights through the managed policy AdministratorAccess. Fix: replace it with the actions the project's resources need, scoped to this account and the project's name prefix (see bootstrap/).",
      'role deploy can be assumed by a pipeline and holds administrator rights through role policy deploy-inline (Action "*"). Fix: replace it with the actions the project\'s resources need, scoped to this account and the project\'s name prefix (see bootstrap/).',
    ]);
  });

  it("blocks iam:* on every resource in a managed policy, and passes scoped rights and service roles", async () => {
    const iamStar = res("aws:iam/policy:Policy", "deploy-iam", { name: "deploy-iam", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["iam:*"], Resource: "*" }] }) });
    const found = await judge([role("deploy", pinned), iamStar, res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "a", { role: "deploy", policyArn: "arn:aws:iam::111122223333:policy/deploy-iam" })]);
    expect(found.map((v) => v.message)).toEqual([expect.stringContaining('through policy deploy-iam (iam:* on Resource "*")')]);
    const service = role("trail", { Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    const scoped = res("aws:iam/rolePolicy:RolePolicy", "deploy-scoped", { role: "deploy", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["iam:CreateRole"], Resource: "arn:aws:iam::111122223333:role/launch-baseline-prod-*" }] }) });
    expect(await judge([service, res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "b", { role: "trail", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }), role("deploy", pinned), scoped])).toEqual([]);
  });
});

describe("Cloudflare tokens", () => {
  const token = (resources: object) => res("cloudflare:index/apiToken:ApiToken", "deploy-token", { name: "deploy", policies: [{ effect: "allow", permissionGroups: [{ id: "g1" }], resources: JSON.stringify(resources) }] });
  it("blocks all zones, every zone of an account and every account; passes one zone", async () => {
    expect((await judge([token({ "com.cloudflare.api.account.zone.*": "*" })])).map((v) => v.message)).toEqual(['policy 1 grants its permissions on every zone the token\'s owner can reach (com.cloudflare.api.account.zone.*). Fix: name the environment\'s zone: {"com.cloudflare.api.account.zone.<zone id>": "*"}.']);
    expect(await judge([token({ "com.cloudflare.api.account.3f6a1c0e": { "com.cloudflare.api.account.zone.*": "*" } })])).toHaveLength(1);
    expect(await judge([token({ "com.cloudflare.api.account.*": "*" })])).toHaveLength(1);
    expect(await judge([token({ "com.cloudflare.api.account.zone.9c1e5a7b": "*" })])).toEqual([]);
  });
});

describe("the state bucket", () => {
  it("blocks one that is public and unencrypted, naming each gap", async () => {
    const found = await judge([res("aws:s3/bucket:Bucket", "state", { bucket: "acme-pulumi-state", acl: "public-read", tags: { purpose: "pulumi-state" } })]);
    expect(found.map((v) => v.message.split(". Fix")[0])).toEqual([
      "state bucket acme-pulumi-state has the public ACL public-read",
      "state bucket acme-pulumi-state does not block all public access (blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets must all be true)",
      "state bucket acme-pulumi-state is not encrypted with a KMS key of its own",
      "state bucket acme-pulumi-state is not versioned, so a bad write to a checkpoint cannot be undone",
      "state bucket acme-pulumi-state does not deny requests without TLS",
    ]);
  });
});
