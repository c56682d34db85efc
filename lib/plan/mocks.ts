import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from "../edge/cloudflare-ranges";

export interface MockContext {
  readonly awsAccountId: string;
  readonly awsRegion: string;
}

/**
 * Outputs a provider computes inside an object that also has inputs. Echoing the inputs would
 * make them known and undefined; in a real preview they are unknown.
 */
const COMPUTED_NESTED: Record<string, (state: Record<string, unknown>) => void> = {
  "aws:sesv2/emailIdentity:EmailIdentity": (state) => {
    state.dkimSigningAttributes = { ...(state.dkimSigningAttributes as object), tokens: pulumi.unknown };
  },
};

/** ARNs in the shape each service gives them, so policies and documents built from them are real. */
function awsIdentity(type: string, inputs: Record<string, unknown>, account: string, region: string, seed: string, name: string): { id: string; arn: string } {
  const service = type.split(":")[1].split("/")[0];
  const h = hex(seed, 32);
  switch (type) {
    case "aws:kms/key:Key": {
      const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
      return { id, arn: `arn:aws:kms:${region}:${account}:key/${id}` };
    }
    case "aws:secretsmanager/secret:Secret": {
      // Secrets Manager appends a hyphen and six random characters to every secret's ARN.
      const arn = `arn:aws:secretsmanager:${region}:${account}:secret:${inputs.name}-${h.slice(0, 6)}`;
      return { id: arn, arn };
    }
    case "aws:iam/policy:Policy": {
      const arn = `arn:aws:iam::${account}:policy/${inputs.name ?? name}`;
      return { id: arn, arn };
    }
    case "aws:ssm/parameter:Parameter":
      return { id: String(inputs.name), arn: `arn:aws:ssm:${region}:${account}:parameter${inputs.name}` };
    case "aws:cloudwatch/logGroup:LogGroup":
      // The provider's arn attribute has no trailing `:*`; CloudTrail's input needs one added.
      return { id: String(inputs.name), arn: `arn:aws:logs:${region}:${account}:log-group:${inputs.name}` };
    case "aws:s3/bucket:Bucket":
      return { id: String(inputs.bucket), arn: `arn:aws:s3:::${inputs.bucket}` };
    case "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
      const arn = `arn:aws:iam::${account}:oidc-provider/${String(inputs.url).replace(/^https:\/\//, "")}`;
      return { id: arn, arn };
    }
    case "aws:iam/role:Role":
      return { id: String(inputs.name ?? name), arn: `arn:aws:iam::${account}:role/${inputs.name ?? name}` };
    case "aws:cloudtrail/trail:Trail":
      return { id: String(inputs.name), arn: `arn:aws:cloudtrail:${region}:${account}:trail/${inputs.name}` };
    case "aws:sns/topic:Topic": {
      const arn = `arn:aws:sns:${region}:${account}:${inputs.name ?? name}`;
      return { id: arn, arn };
    }
    default: {
      const id = `${name}-${h.slice(0, 8)}`;
      return { id, arn: `arn:aws:${service}:${service === "iam" ? "" : region}:${account}:${id}` };
    }
  }
}

const hex = (seed: string, length: number) => createHash("sha256").update(seed).digest("hex").slice(0, length);

/**
 * Ids the way the clouds shape them, so names and policies derived from them look real. Inputs are
 * echoed as planned state; everything else a provider computes stays unknown, as in a preview.
 */
export function offlineMocks(ctx: MockContext): pulumi.runtime.Mocks {
  // Explicit AWS providers by id, so a resource's ARN carries its provider's region.
  const providerRegions = new Map<string, string>();
  return {
    newResource(args) {
      const seed = `${args.type}::${args.name}`;
      const state: Record<string, unknown> = { ...args.inputs };
      let id: string | undefined;
      if (args.type.startsWith("cloudflare:")) {
        id = args.type.endsWith(":ZoneSetting") ? String(args.inputs.settingId) : args.type.endsWith(":ZoneDnssec") ? String(args.inputs.zoneId) : hex(seed, 32);
      } else if (args.type.startsWith("aws:")) {
        const providerId = args.provider?.split("::").pop();
        const region = (args.inputs.region as string | undefined) ?? (providerId && providerRegions.get(providerId)) ?? ctx.awsRegion;
        ({ id, arn: state.arn } = awsIdentity(args.type, args.inputs, `${ctx.awsAccountId}`, region, seed, args.name));
        if (args.type === "aws:kms/key:Key") state.keyId = id;
      } else {
        id = `${args.name}-${hex(seed, 8)}`;
        if (args.type === "pulumi:providers:aws" && typeof args.inputs.region === "string") providerRegions.set(id, args.inputs.region);
      }
      COMPUTED_NESTED[args.type]?.(state);
      // An imported resource keeps the id it already has.
      return { id: args.id || id, state };
    },
    call(args) {
      // Cloudflare's published ranges are public and stable: the one lookup the plan answers.
      if (args.token === "cloudflare:index/getIpRanges:getIpRanges") return { ipv4Cidrs: CLOUDFLARE_IPV4, ipv6Cidrs: CLOUDFLARE_IPV6, ipv4CidrBlocks: CLOUDFLARE_IPV4, ipv6CidrBlocks: CLOUDFLARE_IPV6 };
      // Cloudflare's permission groups are one global catalogue; the plan names them by a stable fake id.
      if (args.token === "cloudflare:index/getApiTokenPermissionGroupsList:getApiTokenPermissionGroupsList") {
        const name = decodeURIComponent(String(args.inputs.name ?? ""));
        return { name: args.inputs.name, results: name ? [{ id: hex(`permission-group::${name}`, 32), name, category: "", isSelectable: true, scopes: [] }] : [] };
      }
      throw new Error(`the offline plan cannot call ${args.token}: a program must not read cloud data at plan time`);
    },
  };
}
