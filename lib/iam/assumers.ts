import { GITHUB_ISSUER, describeJob, githubCaller, type GitHubJob } from "./github-claims";
import { list, type PolicyDocument } from "./policy-document";
import { evaluateTrust } from "./trust";

// Who could assume a role, found by asking the evaluator about the jobs that matter: the
// repositories the trust names, another repository of the same owner, a stranger's repository,
// a fork's pull request, a branch push, a tag, each environment, and a token for another audience.

export interface WebIdentityTrust {
  /** The federated principal (an oidc-provider ARN, or an issuer). */
  readonly provider: string;
  readonly github: boolean;
  /** The statement names an audience for this issuer (aud, or azp for Google). */
  readonly audienceChecked: boolean;
  /** GitHub only: the jobs the evaluator lets in, described: the trust's own repositories first, then another of the owner's, then a stranger's. */
  readonly allowed: readonly { readonly job: GitHubJob; readonly who: string }[];
  /** GitHub only: what the allowed set amounts to. */
  readonly anyRepository: boolean;
  readonly anyRepositoryOfOwner?: string;
  readonly wrongAudienceAllowed: boolean;
  /** GitHub only: a push to a branch (no environment) is let in. */
  readonly branchPushAllowed: boolean;
  /** OWNER/REPO values the sub conditions name. */
  readonly repositories: readonly string[];
}

// The probes' own names: fixed, so a finding's message (and its SARIF fingerprint) is stable.
const STRANGER_OWNER = "someone-else";
const OTHER_REPOSITORY = "another-repository";
const OTHER_AUDIENCE = "https://github.com/someone-else";

/** OWNER/REPO from each `repo:OWNER/REPO:…` value a sub condition names (wildcards kept). */
function namedRepositories(doc: PolicyDocument): string[] {
  const values = doc.Statement.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((keys) => Object.entries(keys).filter(([k]) => k.toLowerCase() === `${GITHUB_ISSUER}:sub`).flatMap(([, v]) => list(v).map(String))));
  return [...new Set(values.map((v) => /^repo:([^:]+)/.exec(v)?.[1]).filter((r): r is string => !!r && r.includes("/")))];
}

/** Environment names a sub condition mentions, so the probe asks about them too. */
const namedEnvironments = (doc: PolicyDocument) => [...new Set(JSON.stringify(doc.Statement.map((s) => s.Condition ?? {})).match(/environment:([A-Za-z0-9_.-]+)/g)?.map((m) => m.slice("environment:".length)) ?? [])];

const isGitHub = (provider: string) => provider === "*" || provider.endsWith(`oidc-provider/${GITHUB_ISSUER}`) || provider === GITHUB_ISSUER;

export function webIdentityTrusts(doc: PolicyDocument): WebIdentityTrust[] {
  const statements = doc.Statement.filter((s) => s.Effect === "Allow" && list(s.Action).some((a) => /^(\*|sts:\*|sts:AssumeRoleWithWebIdentity)$/i.test(a)));
  const providers = [...new Set(statements.flatMap((s) => (s.Principal === "*" ? ["*"] : list(s.Principal?.Federated))))];
  return providers.map((provider) => {
    const own = statements.filter((s) => s.Principal === "*" || list(s.Principal?.Federated).includes(provider));
    const issuer = provider.includes("oidc-provider/") ? provider.split("oidc-provider/")[1]! : provider;
    const audienceChecked = own.every((s) => Object.entries(s.Condition ?? {}).some(([op, keys]) => !/Not|IfExists/.test(op) && Object.keys(keys).some((k) => [`${issuer}:aud`, `${issuer}:azp`].includes(k.toLowerCase()) || (issuer === "*" && /:aud$/i.test(k)))));
    const repositories = namedRepositories(doc);
    if (!isGitHub(provider)) return { provider, github: false, audienceChecked, allowed: [], anyRepository: false, wrongAudienceAllowed: false, branchPushAllowed: false, repositories };
    const arn = provider === "*" ? `arn:aws:iam::000000000000:oidc-provider/${GITHUB_ISSUER}` : provider;
    const concrete = repositories.filter((r) => !/[*?]/.test(r));
    const owner = (concrete[0] ?? repositories[0] ?? "").split("/")[0]!.replace(/[*?]/g, "") || "the-owner";
    const home = concrete[0] ?? `${owner}/the-repository`;
    const sibling = `${owner}/${OTHER_REPOSITORY}`;
    const stranger = `${STRANGER_OWNER}/${OTHER_REPOSITORY}`;
    const environments = [...new Set([...namedEnvironments(doc), "production", "staging"])];
    const jobsOf = (repository: string): GitHubJob[] => [
      ...environments.map((environment) => ({ repository, event: "push", ref: "refs/heads/main", environment })),
      { repository, event: "pull_request", ref: "refs/pull/1/merge" },
      { repository, event: "pull_request", ref: "refs/pull/2/merge", headRepository: `${STRANGER_OWNER}/${repository.split("/")[1]}` },
      { repository, event: "push", ref: "refs/heads/main" },
      { repository, event: "push", ref: "refs/heads/some-branch" },
      { repository, event: "push", ref: "refs/tags/v0.0.1" },
    ];
    const allowedOf = (jobs: GitHubJob[]) => jobs.filter((job) => evaluateTrust(doc, githubCaller(job, arn)).allowed).map((job) => ({ job, who: describeJob(job) }));
    const allowed = allowedOf([...new Set([...concrete, home])].flatMap(jobsOf));
    const strangers = allowedOf(jobsOf(stranger));
    const siblings = allowedOf(jobsOf(sibling));
    const wrongAudienceAllowed = [...concrete, home].flatMap(jobsOf).some((job) => evaluateTrust(doc, githubCaller({ ...job, audience: OTHER_AUDIENCE }, arn)).allowed);
    return {
      provider,
      github: true,
      audienceChecked,
      allowed: [...allowed, ...siblings, ...strangers],
      anyRepository: strangers.length > 0,
      ...(siblings.length > 0 ? { anyRepositoryOfOwner: owner } : {}),
      wrongAudienceAllowed,
      branchPushAllowed: allowed.some((a) => a.job.event === "push" && !a.job.environment),
      repositories,
    };
  });
}
