import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BOOTSTRAP_PROJECT, parseBootstrapConfig } from "../lib/bootstrap/config";
import { githubSetup, mainProjectLines } from "../lib/bootstrap/setup-lines";
import { rawConfigFromEngine } from "../lib/config/load";
import { CloudflareDeployTokens } from "./components/cloudflare-tokens";
import { DeployIdentities, PREVIEW_ROLE_NAME, deployRoleName, roleArn } from "./components/deploy-identities";
import { StateBackend } from "./components/state-backend";

// Day zero, once per AWS account, with an operator's credentials: the identities the deploy
// pipeline assumes, the state backend, and the scoped Cloudflare tokens. See docs/day-zero.md.

const stack = pulumi.getStack();
const config = parseBootstrapConfig(rawConfigFromEngine(), { stack, source: `bootstrap/stacks/Pulumi.${stack}.yaml` });

const provider = new aws.Provider("aws", { region: config.awsRegion as aws.Region, allowedAccountIds: [config.awsAccountId], defaultTags: { tags: { project: BOOTSTRAP_PROJECT, "managed-by": "pulumi" } } });
const opts = { providers: [provider] };

const roleArns = Object.fromEntries(config.environments.map((e) => [e.stack, roleArn(config.awsAccountId, deployRoleName(e.stack))]));
const state = config.stateBackend === "s3" ? new StateBackend("state", { config, deployRoleArns: roleArns, previewRoleArn: roleArn(config.awsAccountId, PREVIEW_ROLE_NAME) }, opts) : undefined;
const identities = new DeployIdentities("identities", { config, state: state && { bucketArn: state.bucketArn, keyArns: state.secretsKeyArns } }, opts);
const cloudflare = new CloudflareDeployTokens("cloudflare", { config });

export const deployRoleArns = identities.deployRoleArns;
export const previewRoleArn = identities.previewRoleArn;
export const cloudflareTokens = pulumi.secret(pulumi.all(cloudflare.tokens));
const inputs = pulumi.all([pulumi.all(identities.deployRoleArns), identities.previewRoleArn, state?.bucketName ?? ""]).apply(([deploy, preview, bucket]) => ({ deployRoleArns: deploy, previewRoleArn: preview, bucketName: bucket, secretsKeyAliases: state?.secretsKeyAliases }));
/** Run these once: the GitHub variables and secrets the workflows read. */
export const githubSetupCommands = inputs.apply((v) => githubSetup(config, stack, v));
/** And these in the main project: its backend and each stack's secrets provider. */
export const mainProjectSetup = inputs.apply((v) => mainProjectLines(config, v));
