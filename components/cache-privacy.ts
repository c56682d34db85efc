import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { privatePathsExpression, PRIVATE_PATH_PREFIXES } from "../lib/edge/private-paths";

export interface CachePrivacyArgs {
  readonly zoneId: pulumi.Input<string>;
  /** Path prefixes never cached. Default: the API, auth, account, settings and admin paths. */
  readonly privatePrefixes?: readonly string[];
}

/**
 * Private responses are never cached at the edge: Cache Deception Armor (a response is cached
 * only when its Content-Type matches the path's extension), and a cache rule that bypasses the
 * cache for the API and the auth paths whatever they end in.
 */
export class CachePrivacy extends pulumi.ComponentResource {
  public readonly rule: cloudflare.Ruleset;

  constructor(name: string, args: CachePrivacyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:edge:CachePrivacy", name, args, opts);
    const parent = { parent: this };
    new cloudflare.ZoneSetting(`${name}-deception-armor`, { zoneId: args.zoneId, settingId: "cache_deception_armor", value: "on" }, parent);
    this.rule = new cloudflare.Ruleset(
      `${name}-bypass-private`,
      {
        zoneId: args.zoneId,
        kind: "zone",
        phase: "http_request_cache_settings",
        name: "Never cache private responses",
        rules: [{ ref: "bypass_private_paths", description: "API and auth paths are per user: never cached", expression: `(${privatePathsExpression(args.privatePrefixes ?? PRIVATE_PATH_PREFIXES)})`, action: "set_cache_settings", actionParameters: { cache: false }, enabled: true }],
      },
      parent,
    );
    this.registerOutputs({});
  }
}
