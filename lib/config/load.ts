import * as pulumi from "@pulumi/pulumi";
import { parseLaunchConfig, type LaunchConfig, type RawValue } from "./parse";

// The SDK exports isConfigSecret at runtime but marks it internal in its typings; it is the only
// way to learn whether a key was set with --secret, which the plaintext-secret check needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

/** Reads and validates the whole stack configuration, once, before any resource is declared. */
export function loadConfig(): LaunchConfig {
  const raw = new Map<string, RawValue>();
  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    raw.set(key, { value, secret: isConfigSecret(key) });
  }
  return parseLaunchConfig(raw, { stack: pulumi.getStack(), source: `stacks/Pulumi.${pulumi.getStack()}.yaml` });
}
