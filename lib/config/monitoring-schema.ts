import { z } from "zod";

// Rate limits, uptime checks and alert routing.

const email = z.string().regex(/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/i, { error: "must be an email address such as oncall@example.com" });
const secretRef = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must name an external secret (listed in launch-baseline:secrets.external) that holds the https:// URL" });

export const rateLimitsSchema = z.strictObject({
  /** Counting period in seconds; default 10 on free, 60 on other plans. */
  period: z.number().int().positive().optional(),
  endpoints: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: "must be a short lowercase name such as login" }),
        path: z.string().regex(/^\/[^\s"]*$/, { error: "must be a URL path starting with / such as /api/auth/login" }),
        method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"], { error: "must be GET, POST, PUT, PATCH or DELETE" }).optional(),
        class: z.enum(["auth", "content"], { error: 'must be "auth" (stricter) or "content"' }),
        perMinute: z.number().int().min(1, { error: "must be at least 1: a limit of zero would block every request" }),
        /** Pins the endpoint into a named rule instead of automatic packing. */
        rule: z.string().regex(/^[a-z0-9_]{1,40}$/).optional(),
      }),
    )
    .optional(),
});

export const uptimeSchema = z.strictObject({
  checks: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: "must be a short lowercase name such as homepage" }),
        url: z.string().regex(/^https:\/\/[a-z0-9.-]+(\/\S*)?$/, { error: "must be an https:// URL on one of the stack's hosts" }),
        /** Text the response body must contain (Route 53 searches the first 5,120 bytes). */
        match: z.string().min(1).max(255),
      }),
    )
    .min(1, { error: "must list at least one check: homepage, login page and API health" }),
  regions: z.array(z.enum(["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"])).min(3, { error: "must name at least three regions: one region's view is not an outage" }).default(["us-east-1", "eu-west-1", "ap-southeast-1"]),
});

const route = z.strictObject({ emails: z.array(email).default([]), webhooks: z.array(secretRef).default([]) });
export const alertsSchema = z.strictObject({ critical: route, warning: route });
export type AlertsConfig = z.output<typeof alertsSchema>;
