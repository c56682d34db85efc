import { describe, expect, it } from "vitest";
import { webIdentityTrusts } from "../lib/iam/assumers";
import { githubCaller, githubSubject, type GitHubJob } from "../lib/iam/github-claims";
import { evaluateTrust } from "../lib/iam/trust";
import { BRANCH_PINNED, PROVIDER, REPO, SAFE, TAG_PINNED } from "./helpers/trust-fixtures";

// Would STS let this job assume the role? Each job in the claim formats GitHub documents.
const production: GitHubJob = { repository: REPO, event: "push", ref: "refs/heads/main", environment: "production" };
const staging: GitHubJob = { ...production, environment: "staging" };
const pullRequest: GitHubJob = { repository: REPO, event: "pull_request", ref: "refs/pull/7/merge" };
const forkPullRequest: GitHubJob = { ...pullRequest, headRepository: "mallory/community" };
const branchPush: GitHubJob = { repository: REPO, event: "push", ref: "refs/heads/main" };
const otherBranch: GitHubJob = { repository: REPO, event: "push", ref: "refs/heads/feature-x" };
const tag: GitHubJob = { repository: REPO, event: "push", ref: "refs/tags/v1.4.0" };
const sibling: GitHubJob = { ...production, repository: "acme-corp/website" };
const can = (doc: object, job: GitHubJob) => evaluateTrust(doc as never, githubCaller(job, PROVIDER)).allowed;

describe("the GitHub sub claim", () => {
  it("is built as GitHub documents it, for each kind of job", () => {
    expect(githubSubject(production)).toBe("repo:acme-corp/community:environment:production");
    expect(githubSubject(pullRequest)).toBe("repo:acme-corp/community:pull_request");
    expect(githubSubject(forkPullRequest)).toBe("repo:acme-corp/community:pull_request");
    expect(githubSubject(branchPush)).toBe("repo:acme-corp/community:ref:refs/heads/main");
    expect(githubSubject(tag)).toBe("repo:acme-corp/community:ref:refs/tags/v1.4.0");
    expect(githubSubject({ ...production, jobWorkflowRef: `${REPO}/.github/workflows/deploy.yml@refs/heads/main` }, ["repo", "context", "job_workflow_ref"])).toBe("repo:acme-corp/community:environment:production:job_workflow_ref:acme-corp/community/.github/workflows/deploy.yml@refs/heads/main");
  });
});

describe("trust evaluation", () => {
  const deploy = SAFE["environment pinned (StringEquals aud and sub)"];
  const preview = SAFE["pull requests of one repository (the preview role)"];

  it("lets the production environment assume the production role, and nothing else", () => {
    expect(can(deploy, production)).toBe(true);
    for (const job of [staging, pullRequest, forkPullRequest, branchPush, otherBranch, tag, sibling]) expect(can(deploy, job), JSON.stringify(job)).toBe(false);
  });

  it("lets every pull request use the preview role, a fork's included (its sub names the base repository), and no push", () => {
    expect(can(preview, pullRequest)).toBe(true);
    expect(can(preview, forkPullRequest)).toBe(true);
    for (const job of [production, branchPush, tag, { ...pullRequest, repository: "acme-corp/website" }]) expect(can(preview, job)).toBe(false);
  });

  it("refuses a token for another audience", () => {
    expect(can(deploy, { ...production, audience: "https://github.com/acme-corp" })).toBe(false);
  });

  it("matches StringLike with * and ?", () => {
    expect(can(TAG_PINNED, tag)).toBe(true);
    expect(can(TAG_PINNED, branchPush)).toBe(false);
    const q = { Statement: [{ Effect: "Allow", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme-corp/communit?:ref:refs/heads/main" } } }] };
    expect(can(q, branchPush)).toBe(true);
    expect(can(q, { ...branchPush, repository: "acme-corp/communities" })).toBe(false);
    expect(can(BRANCH_PINNED, branchPush)).toBe(true);
    expect(can(BRANCH_PINNED, otherBranch)).toBe(false);
  });

  it("lets an explicit Deny win over an Allow", () => {
    const doc = { Statement: [...SAFE["one repository, any environment (StringLike after the repository)"].Statement, { Sid: "NoProductionFromHere", Effect: "Deny", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "token.actions.githubusercontent.com:sub": `repo:${REPO}:environment:production` } } }] };
    expect(can(doc, staging)).toBe(true);
    expect(evaluateTrust(doc as never, githubCaller(production, PROVIDER))).toEqual({ allowed: false, by: "NoProductionFromHere" });
  });

  it("evaluates ForAnyValue and ForAllValues on multi-valued keys, and IfExists and Null on missing ones", () => {
    const doc = (condition: object) => ({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole", Condition: condition }] });
    const caller = (context: Record<string, string | string[]>) => ({ action: "sts:AssumeRole", principal: { AWS: "arn:aws:iam::111122223333:root" }, context });
    const any = doc({ "ForAnyValue:StringEquals": { "aws:PrincipalTag/team": ["platform", "security"] } });
    expect(evaluateTrust(any as never, caller({ "aws:PrincipalTag/team": ["sales", "security"] })).allowed).toBe(true);
    expect(evaluateTrust(any as never, caller({ "aws:PrincipalTag/team": ["sales"] })).allowed).toBe(false);
    expect(evaluateTrust(any as never, caller({})).allowed).toBe(false);
    const all = doc({ "ForAllValues:StringLike": { "aws:TagKeys": ["env", "team-*"] } });
    expect(evaluateTrust(all as never, caller({ "aws:TagKeys": ["env", "team-a"] })).allowed).toBe(true);
    expect(evaluateTrust(all as never, caller({ "aws:TagKeys": ["env", "owner"] })).allowed).toBe(false);
    // ForAllValues with the key absent holds: the trap AWS warns of.
    expect(evaluateTrust(all as never, caller({})).allowed).toBe(true);
    expect(evaluateTrust(doc({ StringEqualsIfExists: { "sts:ExternalId": "x1" } }) as never, caller({})).allowed).toBe(true);
    expect(evaluateTrust(doc({ StringEquals: { "sts:ExternalId": "x1" } }) as never, caller({})).allowed).toBe(false);
    expect(evaluateTrust(doc({ Null: { "sts:ExternalId": "false" } }) as never, caller({ "sts:ExternalId": "anything" })).allowed).toBe(true);
    expect(evaluateTrust(doc({ StringNotEquals: { "aws:PrincipalAccount": "999999999999" } }) as never, caller({ "aws:PrincipalAccount": "999999999999" })).allowed).toBe(false);
  });

  it("names who could assume a role: a pinned role one job, a wildcard one every repository of the owner", () => {
    const [pinned] = webIdentityTrusts({ Statement: deploy.Statement as never });
    expect(pinned!.allowed.map((a) => a.who)).toEqual(["a job in environment production of acme-corp/community"]);
    expect(pinned!.anyRepository || !!pinned!.anyRepositoryOfOwner).toBe(false);
    const [org] = webIdentityTrusts({ Statement: [{ Effect: "Allow", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme-corp/*" } } }] });
    expect([org!.anyRepository, org!.anyRepositoryOfOwner, org!.branchPushAllowed]).toEqual([false, "acme-corp", true]);
  });
});
