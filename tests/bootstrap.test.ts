import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS_OF_TYPE } from "../lib/bootstrap/cloudflare-permissions";
import { SERVICE_OF_TYPE } from "../lib/bootstrap/deploy-permissions";
import { githubCaller, type GitHubJob } from "../lib/iam/github-claims";
import { evaluateTrust } from "../lib/iam/trust";
import { ROOT, planJson, runPlan, type PlanJson } from "./helpers/run-plan";

// The day-zero project, planned offline like the main one: the exact trust of each role, rights
// without administrator access, the state backend, the scoped tokens, and the lines to run next.

let plan: PlanJson;
const byName = (name: string) => plan.resources.find((r) => r.name === name)!;
const PROVIDER = "arn:aws:iam::222233334444:oidc-provider/token.actions.githubusercontent.com";
const REPO = "example-org/launch-baseline";

beforeAll(async () => {
  const r = await planJson("prod-account", ["--project", "bootstrap"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  plan = r.doc;
});

describe("the bootstrap project's plan", () => {
  it("passes the gate with pinned trust and no administrator rights", () => {
    expect(plan.project).toBe("launch-baseline-bootstrap");
    expect(plan.policy.violations).toEqual([]);
  });

  it("trusts GitHub's OIDC provider for sts.amazonaws.com", () => {
    expect(byName("identities-github").inputs).toEqual({ url: "https://token.actions.githubusercontent.com", clientIdLists: ["sts.amazonaws.com"] });
  });

  it("pins the production deploy role to the production environment of one repository, for an hour, under its boundary", () => {
    const role = byName("identities-prod-deploy").inputs;
    expect(JSON.parse(role.assumeRolePolicy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "GitHubActions", Effect: "Allow", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": `repo:${REPO}:environment:production` } } }],
    });
    expect(role.maxSessionDuration).toBe(3600);
    expect(role.permissionsBoundary).toBe("arn:aws:iam::222233334444:policy/launch-baseline-prod-deploy-boundary");
    expect(role.name).toBe("launch-baseline-prod-deploy");
  });

  it("pins the preview role to the repository's pull requests", () => {
    expect(JSON.parse(byName("identities-preview").inputs.assumeRolePolicy as string).Statement[0].Condition).toEqual({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": `repo:${REPO}:pull_request` } });
  });

  it("lets exactly the jobs meant in, by the trust evaluator", () => {
    const deploy = byName("identities-prod-deploy").inputs.assumeRolePolicy as string;
    const preview = byName("identities-preview").inputs.assumeRolePolicy as string;
    const jobs: Record<string, GitHubJob> = {
      production: { repository: REPO, event: "push", ref: "refs/heads/main", environment: "production" },
      staging: { repository: REPO, event: "push", ref: "refs/heads/main", environment: "staging" },
      push: { repository: REPO, event: "push", ref: "refs/heads/main" },
      pr: { repository: REPO, event: "pull_request", ref: "refs/pull/3/merge" },
      fork: { repository: REPO, event: "pull_request", ref: "refs/pull/4/merge", headRepository: "mallory/launch-baseline" },
      sibling: { repository: "example-org/other", event: "push", ref: "refs/heads/main", environment: "production" },
    };
    const who = (doc: string) => Object.entries(jobs).filter(([, job]) => evaluateTrust(doc, githubCaller(job, PROVIDER)).allowed).map(([k]) => k);
    expect(who(deploy)).toEqual(["production"]);
    expect(who(preview)).toEqual(["pr", "fork"]);
  });

  it("grants no Action * and no iam:* on *, creates roles only with the boundary, and never lets the preview role write or read secret values", () => {
    const deploy = JSON.parse(byName("identities-prod-deploy-policy").inputs.policy as string);
    const actions = deploy.Statement.filter((s: { Effect: string }) => s.Effect === "Allow").flatMap((s: { Action: string | string[] }) => [s.Action].flat());
    expect(actions).not.toContain("*");
    expect(actions.filter((a: string) => /^iam:\*$/i.test(a))).toEqual([]);
    expect(deploy.Statement.find((s: { Sid: string }) => s.Sid === "CreateRolesOnlyWithTheBoundary")).toEqual({ Sid: "CreateRolesOnlyWithTheBoundary", Effect: "Allow", Action: ["iam:CreateRole", "iam:PutRolePermissionsBoundary"], Resource: "arn:aws:iam::222233334444:role/*", Condition: { StringEquals: { "iam:PermissionsBoundary": "arn:aws:iam::222233334444:policy/launch-baseline-prod-deploy-boundary" } } });
    const preview = JSON.parse(byName("identities-preview-policy").inputs.policy as string);
    const previewActions: string[] = preview.Statement.filter((s: { Effect: string }) => s.Effect === "Allow").flatMap((s: { Action: string | string[] }) => [s.Action].flat());
    expect(previewActions.filter((a) => !/:(Describe|Get|List)\*?$|^s3:(GetObject|ListBucket|GetBucketLocation|PutObject|DeleteObject)$|^kms:Decrypt$/.test(a))).toEqual([]);
    expect(preview.Statement.find((s: { Sid: string }) => s.Sid === "TakePreviewLocks").Resource).toBe("arn:aws:s3:::launch-baseline-state-222233334444/.pulumi/locks/*");
    expect(preview.Statement.find((s: { Sid: string }) => s.Sid === "NoSecretValues")).toEqual({ Sid: "NoSecretValues", Effect: "Deny", Action: ["secretsmanager:GetSecretValue"], Resource: "*" });
  });

  it("keeps state in a private, versioned, KMS-encrypted bucket, TLS only, and a secrets key per environment", () => {
    expect(byName("state-bucket").inputs).toEqual({ bucket: "launch-baseline-state-222233334444", tags: { purpose: "pulumi-state" } });
    expect(byName("state-versioning").inputs.versioningConfiguration).toEqual({ status: "Enabled" });
    expect(byName("state-encryption").inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: expect.stringMatching(/^arn:aws:kms:eu-west-1:222233334444:key\//) }, bucketKeyEnabled: true }]);
    expect(byName("state-prod-secrets-alias").inputs.name).toBe("alias/launch-baseline-prod-secrets");
    const keyPolicy = JSON.parse(byName("state-prod-secrets-key").inputs.policy as string);
    expect(keyPolicy.Statement.map((s: { Sid: string; Principal: unknown }) => [s.Sid, s.Principal])).toEqual([["AccountAdministers", { AWS: "arn:aws:iam::222233334444:root" }], ["DeployUses", { AWS: ["arn:aws:iam::222233334444:role/launch-baseline-prod-deploy"] }], ["PreviewDecrypts", { AWS: ["arn:aws:iam::222233334444:role/launch-baseline-preview"] }]]);
  });

  it("scopes the Cloudflare token's zone rights to the environment's zone", () => {
    const token = byName("cloudflare-prod").inputs as { policies: Array<{ resources: string; permissionGroups: unknown[] }> };
    expect(token.policies.map((p) => JSON.parse(p.resources))).toEqual([{ "com.cloudflare.api.account.zone.9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b": "*" }, { "com.cloudflare.api.account.3f6a1c0e9b2d4e8fa7c5d1b3e9f0a2c4": "*" }]);
    expect(token.policies[0]!.permissionGroups).toHaveLength(8); // Zone Read and the seven write groups of PERMISSIONS_OF_TYPE
    expect(token.policies[1]!.permissionGroups).toHaveLength(2);
  });

  it("prints the gh lines and the main project's backend and secretsprovider lines, and no secret", () => {
    expect(plan.outputs.githubSetupCommands).toEqual([
      `gh variable set AWS_PREVIEW_ROLE_ARN --repo ${REPO} --body arn:aws:iam::222233334444:role/launch-baseline-preview`,
      `gh variable set AWS_REGION --repo ${REPO} --body eu-west-1`,
      `gh variable set AWS_DEPLOY_ROLE_ARN --repo ${REPO} --env production --body arn:aws:iam::222233334444:role/launch-baseline-prod-deploy`,
      `gh variable set PULUMI_BACKEND_URL --repo ${REPO} --env production --body 's3://launch-baseline-state-222233334444?region=eu-west-1'`,
      `pulumi stack output cloudflareTokens --stack prod-account --show-secrets --json | jq -r .prod | gh secret set CLOUDFLARE_API_TOKEN --repo ${REPO} --env production`,
    ]);
    expect((plan.outputs.mainProjectSetup as string[])[1]).toBe('stacks/Pulumi.prod.yaml: secretsprovider: awskms://alias/launch-baseline-prod-secrets?region=eu-west-1   (pulumi stack change-secrets-provider "awskms://alias/launch-baseline-prod-secrets?region=eu-west-1" --stack prod)');
    expect(plan.outputs.cloudflareTokens).toBe("[unknown]");
  });
});

describe("the bootstrap project's rights follow the main project", () => {
  it("covers every AWS and Cloudflare type the main project plans", async () => {
    const types = new Set<string>();
    for (const stack of ["prod", "staging", "dev"]) for (const r of (await planJson(stack)).doc.resources) types.add(r.type);
    expect([...types].filter((t) => t.startsWith("aws:") && !(t in SERVICE_OF_TYPE))).toEqual([]);
    expect([...types].filter((t) => t.startsWith("cloudflare:") && !(t in PERMISSIONS_OF_TYPE))).toEqual([]);
  }, 120_000);
});

describe("bootstrap configuration", () => {
  const stacks = (edit: (yaml: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), "lb-bootstrap-"));
    writeFileSync(join(dir, "Pulumi.acct.yaml"), edit(readFileSync(join(ROOT, "bootstrap/stacks/Pulumi.prod-account.yaml"), "utf8")));
    return dir;
  };

  it("with Pulumi Cloud holding state, makes no bucket and no keys", async () => {
    const dir = stacks((y) => y.replace("stateBackend: s3", "stateBackend: pulumi-cloud"));
    const r = await planJson("acct", ["--project", "bootstrap", "--stacks-dir", dir]);
    expect(r.code).toBe(0);
    expect(r.doc.resources.filter((x) => /s3|kms/.test(x.type))).toEqual([]);
    expect(JSON.parse(r.doc.resources.find((x) => x.name === "identities-preview-policy")!.inputs.policy as string).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["ReadProjectServices", "NoSecretValues"]);
  });

  it("refuses a bad account id and an unknown key, each named, with exit 2 and nothing planned", async () => {
    const dir = stacks((y) => y.replace('"222233334444"', '"2222"').replace("stateBackend: s3", "stateBackend: s3\n  launch-baseline-bootstrap:owner: x"));
    const r = await runPlan(["--project", "bootstrap", "--stack", "acct", "--stacks-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("launch-baseline-bootstrap:owner is not a key the bootstrap project reads.");
    expect(r.stderr).toContain("launch-baseline-bootstrap:awsAccountId: 12 digits. Fix: set it in");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
