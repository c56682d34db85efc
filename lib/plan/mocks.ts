import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

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

const hex = (seed: string, length: number) => createHash("sha256").update(seed).digest("hex").slice(0, length);

/**
 * Ids the way the clouds shape them, so names and policies derived from them look real. Inputs are
 * echoed as planned state; everything else a provider computes stays unknown, as in a preview.
 */
export function offlineMocks(ctx: MockContext): pulumi.runtime.Mocks {
  return {
    newResource(args) {
      const seed = `${args.type}::${args.name}`;
      const state: Record<string, unknown> = { ...args.inputs };
      let id: string;
      if (args.type.startsWith("cloudflare:")) {
        id = args.type.endsWith(":ZoneSetting") ? String(args.inputs.settingId) : args.type.endsWith(":ZoneDnssec") ? String(args.inputs.zoneId) : hex(seed, 32);
      } else if (args.type.startsWith("aws:")) {
        const service = args.type.split(":")[1].split("/")[0];
        const region = (args.inputs.region as string | undefined) ?? ctx.awsRegion;
        id = `${args.name}-${hex(seed, 8)}`;
        state.arn = `arn:aws:${service}:${service === "iam" ? "" : region}:${ctx.awsAccountId}:${id}`;
      } else {
        id = `${args.name}-${hex(seed, 8)}`;
      }
      COMPUTED_NESTED[args.type]?.(state);
      return { id, state };
    },
    call(args) {
      throw new Error(`the offline plan cannot call ${args.token}: a program must not read cloud data at plan time`);
    },
  };
}
