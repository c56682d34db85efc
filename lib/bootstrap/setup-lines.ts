import type { BootstrapConfig } from "./config";

// What the operator runs after `pulumi up` in bootstrap/: the GitHub variables and secrets the
// workflows read, and the lines the main project's files need. Values that are secret are piped
// from `pulumi stack output --show-secrets`, never printed.

export interface SetupInputs {
  readonly deployRoleArns: Readonly<Record<string, string>>;
  readonly previewRoleArn: string;
  readonly bucketName?: string;
  readonly secretsKeyAliases?: Readonly<Record<string, string>>;
}

/** The S3 backend's login URL, as pulumi login and the workflows' cloud-url take it. */
const backendUrl = (config: BootstrapConfig, v: SetupInputs) => `s3://${v.bucketName}?region=${config.awsRegion}`;

export function githubSetup(config: BootstrapConfig, bootstrapStack: string, v: SetupInputs): string[] {
  const repo = `--repo ${config.github.owner}/${config.github.repository}`;
  return [
    `gh variable set AWS_PREVIEW_ROLE_ARN ${repo} --body ${v.previewRoleArn}`,
    `gh variable set AWS_REGION ${repo} --body ${config.awsRegion}`,
    ...config.environments.flatMap((env) => [
      `gh variable set AWS_DEPLOY_ROLE_ARN ${repo} --env ${env.githubEnvironment} --body ${v.deployRoleArns[env.stack]}`,
      ...(config.stateBackend === "s3" ? [`gh variable set PULUMI_BACKEND_URL ${repo} --env ${env.githubEnvironment} --body '${backendUrl(config, v)}'`] : []),
      `pulumi stack output cloudflareTokens --stack ${bootstrapStack} --show-secrets --json | jq -r .${env.stack} | gh secret set CLOUDFLARE_API_TOKEN ${repo} --env ${env.githubEnvironment}`,
    ]),
  ];
}

export function mainProjectLines(config: BootstrapConfig, v: SetupInputs): string[] {
  if (config.stateBackend === "pulumi-cloud") return ["pulumi login   # Pulumi Cloud holds state and encrypts secrets; register GitHub as an OIDC issuer in the organisation for pulumi/auth-actions"];
  return [
    `pulumi login '${backendUrl(config, v)}'   # or in Pulumi.yaml: backend: { url: ${backendUrl(config, v)} }`,
    ...config.environments.map((env) => `stacks/Pulumi.${env.stack}.yaml: secretsprovider: awskms://${v.secretsKeyAliases?.[env.stack]}?region=${config.awsRegion}   (pulumi stack change-secrets-provider "awskms://${v.secretsKeyAliases?.[env.stack]}?region=${config.awsRegion}" --stack ${env.stack})`),
  ];
}
