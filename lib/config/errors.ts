/**
 * Invalid configuration. The SDK treats it as a RunError (the `__pulumiRunError` brand its
 * RunError.isInstance checks), so `pulumi preview` prints the message without a stack trace;
 * `plan` prints it and exits 2. The message lists every problem, each with its fix, and never
 * contains a secret value. Not a subclass of pulumi.RunError: importing the SDK costs every
 * command that only reads config (verify, handover) most of a second at start-up.
 */
export class ConfigError extends Error {
  /** The brand pulumi.RunError.isInstance looks for. */
  readonly __pulumiRunError = true;

  constructor(
    readonly problems: readonly string[],
    readonly where: string,
  ) {
    super(`Invalid configuration for ${where}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}
