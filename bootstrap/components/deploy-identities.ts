import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BootstrapConfig } from "../../lib/bootstrap/config";
import { boundaryPolicy, deployPolicy, namePrefix, previewPolicy } from "../../lib/bootstrap/deploy-permissions";
import { deployTrust, previewTrust } from "../../lib/bootstrap/trust-documents";
import { GITHUB_AUDIENCE, GITHUB_ISSUER } from "../../lib/iam/github-claims";

// The identities .github/workflows assume: GitHub's OIDC provider, one deploy role per
// environment (trust pinned to that GitHub environment, at most an hour, under a permissions
// boundary) and one read-only preview role for pull requests.

export interface DeployIdentitiesArgs {
  readonly config: BootstrapConfig;
  /** The state bucket and secrets keys, for the preview role's read and decrypt; absent with Pulumi Cloud. */
  readonly state?: { readonly bucketArn: pulumi.Input<string>; readonly keyArns: pulumi.Input<string>[] };
}

/** Role names, fixed so other resources can name the roles before they exist. */
export const deployRoleName = (stack: string) => `launch-baseline-${stack}-deploy`;
export const PREVIEW_ROLE_NAME = "launch-baseline-preview";
export const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

export class DeployIdentities extends pulumi.ComponentResource {
  readonly deployRoleArns: Record<string, pulumi.Output<string>> = {};
  readonly previewRoleArn: pulumi.Output<string>;

  constructor(name: string, args: DeployIdentitiesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:bootstrap:DeployIdentities", name, {}, opts);
    const parent = { parent: this };
    const { config } = args;
    const provider = new aws.iam.OpenIdConnectProvider(`${name}-github`, { url: `https://${GITHUB_ISSUER}`, clientIdLists: [GITHUB_AUDIENCE] }, parent);
    for (const env of config.environments) {
      const boundary = new aws.iam.Policy(`${name}-${env.stack}-boundary`, { name: `${namePrefix(env)}-deploy-boundary`, description: `Upper bound of every role the ${env.stack} deploy creates`, policy: JSON.stringify(boundaryPolicy(config)) }, parent);
      const role = new aws.iam.Role(
        `${name}-${env.stack}-deploy`,
        { name: deployRoleName(env.stack), description: `Deploys the ${env.stack} stack from GitHub environment ${env.githubEnvironment}`, assumeRolePolicy: provider.arn.apply((arn) => JSON.stringify(deployTrust(config, env, arn))), maxSessionDuration: 3600, permissionsBoundary: boundary.arn, tags: { environment: env.stack } },
        parent,
      );
      new aws.iam.RolePolicy(`${name}-${env.stack}-deploy-policy`, { role: role.name, policy: boundary.arn.apply((b) => JSON.stringify(deployPolicy(config, env, b))) }, parent);
      this.deployRoleArns[env.stack] = role.arn;
    }
    const preview = new aws.iam.Role(`${name}-preview`, { name: PREVIEW_ROLE_NAME, description: "pulumi preview for pull requests: reads, never writes", assumeRolePolicy: provider.arn.apply((arn) => JSON.stringify(previewTrust(config, arn))), maxSessionDuration: 3600, tags: { access: "read-only" } }, parent);
    const state = args.state;
    new aws.iam.RolePolicy(`${name}-preview-policy`, { role: preview.name, policy: state ? pulumi.all([state.bucketArn, pulumi.all(state.keyArns)]).apply(([bucketArn, keyArns]) => JSON.stringify(previewPolicy(config, { bucketArn, keyArns }))) : JSON.stringify(previewPolicy(config)) }, parent);
    this.previewRoleArn = preview.arn;
    this.registerOutputs({ previewRoleArn: this.previewRoleArn });
  }
}
