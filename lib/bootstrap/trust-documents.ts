import { GITHUB_AUDIENCE, GITHUB_ISSUER } from "../iam/github-claims";
import type { BootstrapConfig, BootstrapEnvironment } from "./config";

// The trust of each pipeline role: GitHub's OIDC provider, audience sts.amazonaws.com, and a sub
// pinned with StringEquals to one repository and one GitHub environment (or its pull requests).

export const repositoryOf = (config: BootstrapConfig) => `${config.github.owner}/${config.github.repository}`;

function trust(providerArn: string, sub: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "GitHubActions",
        Effect: "Allow",
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${GITHUB_ISSUER}:aud`]: GITHUB_AUDIENCE, [`${GITHUB_ISSUER}:sub`]: sub } },
      },
    ],
  };
}

/** The deploy role of one environment: jobs in that GitHub environment of this repository only. */
export const deployTrust = (config: BootstrapConfig, env: BootstrapEnvironment, providerArn: string) => trust(providerArn, `repo:${repositoryOf(config)}:environment:${env.githubEnvironment}`);

/** The preview role: this repository's pull requests (a fork's too: its sub names this repository). */
export const previewTrust = (config: BootstrapConfig, providerArn: string) => trust(providerArn, `repo:${repositoryOf(config)}:pull_request`);
