import * as pulumi from "@pulumi/pulumi";
import { PROJECT } from "./keys";
import { parseLaunchConfig, type LaunchConfig, type RawValue } from "./parse";
import { readSiblings } from "./stack-file";

// The SDK exports isConfigSecret at runtime but marks it internal in its typings; it is the only
// way to learn whether a key was set with --secret, which the plaintext-secret check needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

/** Every key the engine gave the program, each marked secret or not. */
export function rawConfigFromEngine(): Map<string, RawValue> {
  return new Map(Object.entries(pulumi.runtime.allConfig()).map(([key, value]) => [key, { value, secret: isConfigSecret(key) }]));
}

/** Reads and validates the whole stack configuration, once, before any resource is declared. */
export function loadConfig(): LaunchConfig {
  const raw = rawConfigFromEngine();
  // The CLI runs programs from the project directory; stackConfigDir is stacks/.
  const stack = pulumi.getStack();
  return parseLaunchConfig(raw, { stack, source: `stacks/Pulumi.${stack}.yaml`, siblings: readSiblings("stacks", stack) });
}

/** The values of the external secrets, as one secret Output: they never become plain strings. */
export function secretValues(): pulumi.Output<Record<string, string>> {
  return new pulumi.Config(PROJECT).getSecretObject<Record<string, string>>("secretValues") ?? pulumi.secret<Record<string, string>>({});
}
