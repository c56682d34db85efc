import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BootstrapConfig } from "../../lib/bootstrap/config";
import { namePrefix } from "../../lib/bootstrap/deploy-permissions";

// Where the main project's stacks keep their state and encrypt their config secrets, for teams
// without Pulumi Cloud: one S3 bucket (versioned, KMS-encrypted, private, TLS only) and a KMS key
// per environment for `secretsprovider: awskms://…`. Each key is usable only by that
// environment's deploy role (encrypt and decrypt) and the preview role (decrypt).

export interface StateBackendArgs {
  readonly config: BootstrapConfig;
  /** Role ARNs by environment stack, and the preview role's: known from their names, so no cycle. */
  readonly deployRoleArns: Readonly<Record<string, string>>;
  readonly previewRoleArn: string;
}

export class StateBackend extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;
  /** alias/launch-baseline-<env>-secrets, by environment stack. */
  readonly secretsKeyAliases: Record<string, string> = {};
  readonly secretsKeyArns: pulumi.Output<string>[] = [];

  constructor(name: string, args: StateBackendArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:bootstrap:StateBackend", name, {}, opts);
    const parent = { parent: this };
    const { config } = args;
    const account = config.awsAccountId;
    const keyPolicy = (users: string[], decryptOnly: string[]) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
          ...(users.length ? [{ Sid: "DeployUses", Effect: "Allow", Principal: { AWS: users }, Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource: "*" }] : []),
          ...(decryptOnly.length ? [{ Sid: "PreviewDecrypts", Effect: "Allow", Principal: { AWS: decryptOnly }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" }] : []),
        ],
      });
    const allRoles = Object.values(args.deployRoleArns);
    const stateKey = new aws.kms.Key(`${name}-state-key`, { description: "Encrypts the launch-baseline Pulumi state bucket", enableKeyRotation: true, deletionWindowInDays: 30, policy: keyPolicy(allRoles, [args.previewRoleArn]) }, parent);
    new aws.kms.Alias(`${name}-state-key-alias`, { name: "alias/launch-baseline-state", targetKeyId: stateKey.keyId }, parent);
    const bucket = new aws.s3.Bucket(`${name}-bucket`, { bucket: `launch-baseline-state-${account}`, tags: { purpose: "pulumi-state" } }, { ...parent, protect: true });
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);
    new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, parent);
    new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } }, parent);
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, { bucket: bucket.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: stateKey.arn }, bucketKeyEnabled: true }] }, parent);
    new aws.s3.BucketPolicy(
      `${name}-tls-only`,
      {
        bucket: bucket.bucket,
        policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [{ Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }] }),
      },
      parent,
    );
    for (const env of config.environments) {
      const key = new aws.kms.Key(`${name}-${env.stack}-secrets-key`, { description: `Encrypts the ${env.stack} stack's config secrets (secretsprovider awskms)`, enableKeyRotation: true, deletionWindowInDays: 30, policy: keyPolicy([args.deployRoleArns[env.stack]!], [args.previewRoleArn]), tags: { environment: env.stack } }, parent);
      const alias = `alias/${namePrefix(env)}-secrets`;
      new aws.kms.Alias(`${name}-${env.stack}-secrets-alias`, { name: alias, targetKeyId: key.keyId }, parent);
      this.secretsKeyAliases[env.stack] = alias;
      this.secretsKeyArns.push(key.arn);
    }
    this.registerOutputs({ bucketName: this.bucketName });
  }
}
