import { z } from "zod";

// The secret store and the runtime environment: which secrets exist, who may read them, and
// the settings the app runs with.

/** Secrets Manager names must not end in a hyphen and six characters: that clashes with the ARN suffix. */
const secretName = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be a lowercase kebab-case name such as smtp-password" })
  .refine((n) => !/-[a-z0-9]{6}$/.test(n), { error: "must not end in a hyphen and six characters (Secrets Manager reads that as its ARN suffix); e.g. use session-key instead of session-secret" });
const roleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: "must be an IAM role name (not an ARN), such as community-app" });
const envVar = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: "must be an environment variable name such as SMTP_PASSWORD" });

export const secretsSchema = z.strictObject({
  /** The app's runtime role: the only workload that may read this environment's secrets. */
  appRoleName: roleName,
  /** The role people assume in an emergency. */
  breakGlassRoleName: roleName,
  /** The role `pulumi up` runs as; it must read secret versions to refresh them. */
  deployRoleName: roleName,
  recoveryWindowDays: z.number().int().min(7, { error: "must be 7 to 30 days: a deleted secret must stay recoverable" }).max(30, { error: "must be 7 to 30 days" }).optional(),
  /** Secrets whose values users set with `pulumi config set --secret --path 'launch-baseline:secretValues.<name>'`. */
  external: z.array(secretName).default([]),
  /** Rotation for any secret, by name: a rotation Lambda and at most 90 days between rotations. */
  rotation: z.record(secretName, z.strictObject({ lambdaArn: z.string().regex(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+$/, { error: "must be a Lambda function ARN" }), days: z.number().int().min(1).max(90, { error: "must be at most 90: rotate secrets at least every 90 days" }) })).default({}),
});
export type SecretsConfig = z.output<typeof secretsSchema>;

export const runtimeSchema = z.strictObject({
  /** Plain settings, published as SSM String parameters. */
  settings: z.record(envVar, z.string()).default({}),
  /** Environment variables that hold secrets, mapped to a secret name of this environment. */
  secrets: z.record(envVar, z.string().min(1)).default({}),
});
export type RuntimeConfig = z.output<typeof runtimeSchema>;

/** The values of external secrets: one secret config key, set per entry with --path. */
export const secretValuesSchema = z.record(secretName, z.string().min(1, { error: "is empty" }));
