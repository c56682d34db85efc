import { z } from "zod";
import type { Environment } from "./keys";

// Security-event logging: the audit trail, the app's security log and Cloudflare's security
// events. Everything has a per-environment default; prod may not go below a year of logs.

/** Least days a security log is kept, per environment; also the default. */
export const MIN_LOG_RETENTION_DAYS: Record<Environment, number> = { prod: 365, staging: 90, dev: 30 };
/** Days the trail's S3 objects are kept before they expire, per environment. */
export const TRAIL_EXPIRATION_DAYS: Record<Environment, number> = { prod: 2557, staging: 365, dev: 90 };

// The values CloudWatch Logs accepts for retentionInDays.
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const loggingSchema = z.strictObject({
  /**
   * An organisation trail that already records this account, and the CloudWatch log group in
   * this account's us-east-1 it delivers to; then the stack creates no trail and puts the CIS
   * filters on that group.
   */
  existingTrail: z
    .strictObject({
      arn: z.string().regex(/^arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:\d{12}:trail\/[\w.-]+$/, { error: "must be a CloudTrail trail ARN such as arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail" }),
      logGroupName: z.string().regex(/^[\w\-/.#]{1,512}$/, { error: "must be the CloudWatch log group the trail delivers to, such as aws-controltower/CloudTrailLogs" }),
    })
    .optional(),
  /** Days the trail's log group and the app's security log keep events. */
  retentionDays: z.union(RETENTION_DAYS.map((d) => z.literal(d)) as unknown as [z.ZodLiteral<number>, z.ZodLiteral<number>], { error: `must be one of the values CloudWatch Logs accepts: ${RETENTION_DAYS.join(", ")}` }).optional(),
  /** Days before the trail bucket's objects expire. */
  trailExpirationDays: z.number().int().min(1).optional(),
  /** Adds the SSO-tolerant console sign-in alarm beside the exact CloudWatch.3 one. */
  ssoTolerantMfaAlarm: z.boolean().default(false),
  /** Cloudflare Logpush of firewall events: the destination and its ownership challenge token. */
  logpush: z
    .strictObject({
      destination: z.string().regex(/^(s3|gs|r2|azure|https|sumo|splunk|datadog):\/\/\S+$/, { error: "must be a Logpush destination such as s3://security-logs/cloudflare?region=us-east-1" }),
      ownershipChallenge: z.string().min(1, { error: "must be the token Cloudflare wrote to the destination (Logpush ownership challenge)" }),
    })
    .optional(),
});

export type LoggingConfig = z.output<typeof loggingSchema>;

export function loggingProblems(environment: Environment, c: LoggingConfig): Array<{ path: Array<string | number>; message: string }> {
  const min = MIN_LOG_RETENTION_DAYS[environment];
  if (c.retentionDays !== undefined && c.retentionDays < min) return [{ path: ["logging", "retentionDays"], message: `must be at least ${min} days in ${environment}: security logs are what an incident is investigated with` }];
  return [];
}
