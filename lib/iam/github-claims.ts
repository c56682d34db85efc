import type { Caller } from "./trust";

// GitHub Actions' OIDC token as STS sees it: issuer token.actions.githubusercontent.com, audience
// sts.amazonaws.com (configure-aws-credentials' default), and `sub` built from the job's context
// (docs.github.com, "About security hardening with OpenID Connect", example subject claims):
//   a job with an environment     repo:OWNER/REPO:environment:NAME
//   a pull_request event          repo:OWNER/REPO:pull_request   (a fork's too: the base repository's name)
//   a push to a branch or a tag   repo:OWNER/REPO:ref:refs/heads/BRANCH, repo:OWNER/REPO:ref:refs/tags/TAG
// A repository may customise the claim's keys (include_claim_keys), e.g. adding job_workflow_ref.

export const GITHUB_ISSUER = "token.actions.githubusercontent.com";
export const GITHUB_AUDIENCE = "sts.amazonaws.com";

export interface GitHubJob {
  /** OWNER/REPO the workflow runs in (for a fork's pull request: the base repository). */
  readonly repository: string;
  readonly event: "push" | "pull_request" | "pull_request_target" | "workflow_dispatch" | "schedule" | string;
  /** refs/heads/main, refs/tags/v1.2.0 */
  readonly ref: string;
  readonly environment?: string;
  /** OWNER/REPO/.github/workflows/deploy.yml@refs/heads/main */
  readonly jobWorkflowRef?: string;
  /** Where a pull request comes from, when it is a fork: for the description only, STS never sees it. */
  readonly headRepository?: string;
  readonly audience?: string;
}

/** The sub claim, with GitHub's default keys (repo, context) or a customised list. */
export function githubSubject(job: GitHubJob, claimKeys: readonly string[] = ["repo", "context"]): string {
  const context = job.environment ? `environment:${job.environment}` : job.event === "pull_request" || job.event === "pull_request_target" ? "pull_request" : `ref:${job.ref}`;
  const parts: Record<string, string> = { repo: `repo:${job.repository}`, context, job_workflow_ref: `job_workflow_ref:${job.jobWorkflowRef ?? ""}`, ref: `ref:${job.ref}`, environment: `environment:${job.environment ?? ""}`, event_name: `event_name:${job.event}` };
  return claimKeys.map((k) => parts[k] ?? `${k}:`).join(":");
}

/** The caller STS sees for this job, given the account's GitHub OIDC provider. */
export function githubCaller(job: GitHubJob, providerArn: string, claimKeys?: readonly string[]): Caller {
  return {
    action: "sts:AssumeRoleWithWebIdentity",
    principal: { Federated: providerArn },
    context: { [`${GITHUB_ISSUER}:aud`]: job.audience ?? GITHUB_AUDIENCE, [`${GITHUB_ISSUER}:sub`]: githubSubject(job, claimKeys) },
  };
}

/** How to name a job in a message: "a push to refs/heads/main of acme/app". */
export function describeJob(job: GitHubJob): string {
  if (job.environment) return `a job in environment ${job.environment} of ${job.repository}`;
  if (job.event === "pull_request" || job.event === "pull_request_target") return job.headRepository && job.headRepository !== job.repository ? `a pull request from the fork ${job.headRepository} to ${job.repository}` : `a pull request in ${job.repository}`;
  return `a ${job.event} to ${job.ref} of ${job.repository}`;
}
