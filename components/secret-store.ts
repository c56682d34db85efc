import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { Environment } from "../lib/config/keys";
import { envName, envPath, roleArn } from "../lib/naming";
import type { GeneratedSecret } from "../lib/secrets/generated";
import { appReadPolicy, keyPolicy, secretResourcePolicy } from "./secrets/documents";

export interface SecretStoreArgs {
  readonly environment: Environment;
  readonly accountId: string;
  readonly region: string;
  /** The app's runtime role name; gets a policy to read these secrets and nothing else. */
  readonly appRoleName: string;
  readonly breakGlassRoleName: string;
  /** The role deploys run as; it refreshes secret versions, so it must read them too. */
  readonly deployRoleName: string;
  /** Days a deleted secret stays recoverable. Default 30 (required in prod). */
  readonly recoveryWindowDays?: number;
  /** Secrets generated here with @pulumi/random. */
  readonly generated: readonly GeneratedSecret[];
  /** Secrets whose values come from elsewhere (config secrets, other components). */
  readonly provided: Readonly<Record<string, { readonly value: pulumi.Input<string>; readonly description: string }>>;
  /** Rotation by secret name: a rotation Lambda and the days between rotations (at most 90). */
  readonly rotation?: Readonly<Record<string, { readonly lambdaArn: string; readonly days: number }>>;
}

/**
 * One environment's secrets in AWS Secrets Manager, as /launch-baseline/<env>/<name>, encrypted
 * with the environment's own rotating KMS key and readable only by the app, break-glass and
 * deploy roles. Outputs are names and ARNs; no value leaves as plain text.
 */
export class SecretStore extends pulumi.ComponentResource {
  public readonly key: aws.kms.Key;
  public readonly secrets: Record<string, aws.secretsmanager.Secret> = {};
  /** Secret ARNs by name. */
  public readonly arns: Record<string, pulumi.Output<string>> = {};
  public readonly appReadPolicy: aws.iam.Policy;

  constructor(name: string, args: SecretStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:secrets:SecretStore", name, args, opts);
    const parent = { parent: this };
    const readers = [args.appRoleName, args.breakGlassRoleName, args.deployRoleName].map((r) => roleArn(args.accountId, r));

    this.key = new aws.kms.Key(
      `${name}-key`,
      { description: `${envName(args.environment, "secrets")}: encrypts this environment's secrets`, enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30, policy: JSON.stringify(keyPolicy(args.accountId, readers, args.region)) },
      parent,
    );
    new aws.kms.Alias(`${name}-key-alias`, { name: `alias/${envName(args.environment, "secrets")}`, targetKeyId: this.key.keyId }, parent);

    const values: Record<string, { value: pulumi.Input<string>; description: string }> = { ...args.provided };
    for (const g of args.generated) {
      const password = new random.RandomPassword(`${name}-${g.name}-generator`, { length: g.length, special: false }, { ...parent, additionalSecretOutputs: ["result"] });
      values[g.name] = { value: password.result, description: g.description };
    }

    for (const [secretName, { value, description }] of Object.entries(values)) {
      const secret = new aws.secretsmanager.Secret(
        `${name}-${secretName}`,
        { name: envPath(args.environment, secretName), description, kmsKeyId: this.key.arn, recoveryWindowInDays: args.recoveryWindowDays ?? 30 },
        parent,
      );
      // Marked secret here as well: the state keeps it encrypted whatever produced the value.
      new aws.secretsmanager.SecretVersion(`${name}-${secretName}-value`, { secretId: secret.id, secretString: pulumi.secret(value) }, parent);
      new aws.secretsmanager.SecretPolicy(`${name}-${secretName}-policy`, { secretArn: secret.arn, blockPublicPolicy: true, policy: JSON.stringify(secretResourcePolicy(readers)) }, parent);
      const rotation = args.rotation?.[secretName];
      if (rotation) {
        new aws.secretsmanager.SecretRotation(`${name}-${secretName}-rotation`, { secretId: secret.id, rotationLambdaArn: rotation.lambdaArn, rotationRules: { automaticallyAfterDays: rotation.days } }, parent);
      }
      this.secrets[secretName] = secret;
      this.arns[secretName] = secret.arn;
    }

    this.appReadPolicy = new aws.iam.Policy(
      `${name}-app-read`,
      {
        name: envName(args.environment, "app-secrets-read"),
        description: `Read ${args.environment}'s secrets and nothing else`,
        policy: pulumi.all([pulumi.all(Object.values(this.arns)), this.key.arn]).apply(([arns, keyArn]) => JSON.stringify(appReadPolicy(arns, keyArn, args.region))),
      },
      parent,
    );
    new aws.iam.RolePolicyAttachment(`${name}-app-read-attachment`, { role: args.appRoleName, policyArn: this.appReadPolicy.arn }, parent);

    this.registerOutputs({ arns: this.arns, keyArn: this.key.arn });
  }
}
