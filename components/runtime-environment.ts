import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Environment } from "../lib/config/keys";
import { envPath } from "../lib/naming";
import { debugFlagProblem } from "../lib/runtime/debug-flags";

export interface RuntimeEnvironmentArgs {
  readonly environment: Environment;
  /** Plain settings by environment variable name. NODE_ENV defaults to production outside dev. */
  readonly settings: Readonly<Record<string, string>>;
  /** Environment variables that hold secrets, mapped to the ARN of the secret. */
  readonly secretArns: Readonly<Record<string, pulumi.Input<string>>>;
}

/**
 * The app's runtime settings for one environment as SSM parameters under /launch-baseline/<env>/:
 * plain values as String parameters, secrets as the ARN of their Secrets Manager entry (the app
 * reads the value itself, with its role). Staging and prod run with production values only.
 */
export class RuntimeEnvironment extends pulumi.ComponentResource {
  public readonly parameters: Record<string, aws.ssm.Parameter> = {};

  constructor(name: string, args: RuntimeEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:runtime:RuntimeEnvironment", name, args, opts);
    const settings = { NODE_ENV: args.environment === "dev" ? "development" : "production", ...args.settings };
    if (args.environment !== "dev") {
      for (const [k, v] of Object.entries(settings)) {
        const problem = debugFlagProblem(k, v);
        if (problem) throw new Error(`RuntimeEnvironment: ${problem}; ${args.environment} runs with production values only`);
      }
    }
    const parent = { parent: this };
    for (const [k, value] of Object.entries(settings)) {
      this.parameters[k] = new aws.ssm.Parameter(`${name}-${k.toLowerCase().replace(/_/g, "-")}`, { name: envPath(args.environment, `config/${k}`), type: "String", value, description: `${k} for the ${args.environment} app` }, parent);
    }
    for (const [k, arn] of Object.entries(args.secretArns)) {
      this.parameters[k] = new aws.ssm.Parameter(
        `${name}-${k.toLowerCase().replace(/_/g, "-")}-arn`,
        { name: envPath(args.environment, `secret-arns/${k}`), type: "String", value: arn, description: `ARN of the secret behind ${k}; the value stays in Secrets Manager` },
        parent,
      );
    }
    this.registerOutputs({});
  }
}
