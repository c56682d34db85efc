import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { withoutSdkDiagnostics } from "../lib/plan/sdk-diagnostics";

// The reference the scale benchmark measures the plan against: the Pulumi SDK's own mock engine
// running the same program with inputs echoed as state, and nothing of ours (no capture, no
// policies, no report). SDK_DIAGNOSTICS=off switches off the two diagnostics the plan switches off.
// Usage: node -r ./cli/register.js bench/sdk-reference.ts <program>

async function main(): Promise<void> {
  if (process.env.SDK_DIAGNOSTICS === "off") withoutSdkDiagnostics();
  await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "launch-baseline", "prod", true);
  await pulumi.runtime.runInPulumiStack(async () => require(resolve(process.argv[2])));
  await pulumi.runtime.disconnect();
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
