import { PROJECT, type Environment } from "./config/keys";

// One naming scheme for everything with a name in the cloud, so an environment's resources can
// be told apart (and refused when they cross) by name alone.

/** `/launch-baseline/prod/jwt-signing-key`: Secrets Manager names and SSM parameter paths. */
export function envPath(env: Environment, name: string): string {
  return `/${PROJECT}/${env}/${name}`;
}

/** `launch-baseline-prod-<name>`: names of IAM policies, KMS aliases, Workers. */
export function envName(env: Environment, name: string): string {
  return `${PROJECT}-${env}-${name}`;
}

/** The environment a `/launch-baseline/<env>/...` path belongs to, if any. */
export function pathEnvironment(path: string): string | undefined {
  return new RegExp(`^/${PROJECT}/([^/]+)/`).exec(path)?.[1];
}

export function roleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}
