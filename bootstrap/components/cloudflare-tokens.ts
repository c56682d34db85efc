import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { BootstrapConfig } from "../../lib/bootstrap/config";
import { neededGroups } from "../../lib/bootstrap/cloudflare-permissions";

// One Cloudflare API token per environment: the zone permissions on that environment's zone
// only, and the few account permissions (Workers, Notifications) on the account. The token's
// value is a secret output, handed to GitHub with `gh secret set` and never printed.

const groupId = (name: string) =>
  cloudflare.getApiTokenPermissionGroupsListOutput({ name: encodeURIComponent(name) }).results.apply((r) => {
    if (!r[0]) throw new Error(`Cloudflare has no permission group named "${name}"; the names are listed under My Profile > API Tokens > Create Token.`);
    return { id: r[0].id };
  });

export class CloudflareDeployTokens extends pulumi.ComponentResource {
  readonly tokens: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: { readonly config: BootstrapConfig }, opts?: pulumi.ComponentResourceOptions) {
    super("launch:bootstrap:CloudflareDeployTokens", name, {}, opts);
    const needs = neededGroups();
    const zoneGroups = needs.zone.map(groupId);
    const accountGroups = needs.account.map(groupId);
    for (const env of args.config.environments) {
      const token = new cloudflare.ApiToken(
        `${name}-${env.stack}`,
        {
          name: `launch-baseline ${env.stack} deploy`,
          policies: [
            { effect: "allow", permissionGroups: zoneGroups, resources: JSON.stringify({ [`com.cloudflare.api.account.zone.${env.cloudflareZoneId}`]: "*" }) },
            { effect: "allow", permissionGroups: accountGroups, resources: JSON.stringify({ [`com.cloudflare.api.account.${args.config.cloudflareAccountId}`]: "*" }) },
          ],
        },
        { parent: this, additionalSecretOutputs: ["value"] },
      );
      this.tokens[env.stack] = pulumi.secret(token.value);
    }
    this.registerOutputs({});
  }
}
