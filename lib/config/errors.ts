import * as pulumi from "@pulumi/pulumi";

/**
 * Invalid configuration. A RunError, so `pulumi preview` prints the message without a stack
 * trace; `plan` prints it and exits 2. The message lists every problem, each with its fix, and
 * never contains a secret value.
 */
export class ConfigError extends pulumi.RunError {
  constructor(
    readonly problems: readonly string[],
    readonly where: string,
  ) {
    super(`Invalid configuration for ${where}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}
