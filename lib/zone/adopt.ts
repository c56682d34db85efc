import * as pulumi from "@pulumi/pulumi";
import { DNS_RECORD, RULESET } from "./planned";

/**
 * Gives the `import` option to each Cloudflare record or ruleset named in launch-baseline:adopt,
 * so `pulumi preview` shows `= import` for it. Pulumi imports and then applies any difference.
 */
export function adoptExisting(adopt: Readonly<Record<string, string>>): void {
  if (Object.keys(adopt).length === 0) return;
  pulumi.runtime.registerStackTransformation((args) => {
    const id = adopt[args.name];
    if (!id || (args.type !== DNS_RECORD && args.type !== RULESET)) return undefined;
    return { props: args.props, opts: pulumi.mergeOptions(args.opts, { import: id }) };
  });
}
