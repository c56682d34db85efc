import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { CloudflarePlan } from "../lib/config/keys";
import { PLAN_LIMITS, packRateLimits, rateLimitResponseBody, type Endpoint } from "../lib/edge/rate-limits";

/** Cloudflare's Managed Ruleset, the WAF rules Pro and higher plans include. */
export const CLOUDFLARE_MANAGED_RULESET_ID = "efb7b8c949ac4650a09736fc376e9aee";

export interface AbuseProtectionArgs {
  readonly zoneId: pulumi.Input<string>;
  /** Decides how many rules, which periods and whether methods can be matched. */
  readonly plan: CloudflarePlan;
  /** The abuse-prone endpoints and their per-minute limits. */
  readonly endpoints: readonly Endpoint[];
  /** Counting period in seconds. Default: 10 on free, 60 otherwise. */
  readonly period?: number;
}

/**
 * Rate limits on the abuse-prone endpoints (login, signup, password reset, invites, search,
 * uploads, messages), fitted to the zone's plan: a 429 with a small JSON body and a retry hint,
 * counted per IP and data center. Cloudflare's managed WAF where the plan includes it.
 */
export class AbuseProtection extends pulumi.ComponentResource {
  public readonly rateLimits?: cloudflare.Ruleset;
  public readonly waf?: cloudflare.Ruleset;
  /** Endpoints the plan has no rule left for (the free plan's one rule guards authentication). */
  public readonly uncoveredEndpoints: readonly string[];

  constructor(name: string, args: AbuseProtectionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:edge:AbuseProtection", name, args, opts);
    const parent = { parent: this };
    const limits = PLAN_LIMITS[args.plan];
    const period = args.period ?? (args.plan === "free" ? 10 : 60);
    if (!limits.periods.includes(period)) throw new Error(`AbuseProtection: the ${args.plan} plan has no ${period} s counting period`);
    const { rules, uncovered } = packRateLimits(args.endpoints, args.plan, period);
    this.uncoveredEndpoints = uncovered.map((e) => e.name);

    if (rules.length) {
      this.rateLimits = new cloudflare.Ruleset(
        `${name}-rate-limits`,
        {
          zoneId: args.zoneId,
          kind: "zone",
          phase: "http_ratelimit",
          name: "Abuse-prone endpoints",
          description: "Managed by launch-baseline",
          rules: rules.map((r) => ({
            ref: r.ref,
            description: r.description,
            expression: r.expression,
            action: "block",
            actionParameters: { response: { statusCode: 429, contentType: "application/json", content: rateLimitResponseBody(r.mitigationTimeout) } },
            // Counters are per data center, so cf.colo.id is always a characteristic.
            ratelimit: { characteristics: ["cf.colo.id", "ip.src"], period: r.period, requestsPerPeriod: r.requestsPerPeriod, mitigationTimeout: r.mitigationTimeout },
          })),
        },
        parent,
      );
    }
    if (limits.managedWaf) {
      this.waf = new cloudflare.Ruleset(
        `${name}-managed-waf`,
        {
          zoneId: args.zoneId,
          kind: "zone",
          phase: "http_request_firewall_managed",
          name: "Managed WAF",
          description: "Managed by launch-baseline",
          rules: [{ ref: "cloudflare_managed_ruleset", description: "Cloudflare Managed Ruleset", expression: "true", action: "execute", actionParameters: { id: CLOUDFLARE_MANAGED_RULESET_ID } }],
        },
        parent,
      );
    }
    this.registerOutputs({ uncoveredEndpoints: this.uncoveredEndpoints });
  }
}
