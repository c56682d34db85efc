import type { PolicyResource } from "@pulumi/policy";
import { known, ofType } from "./monitoring";

// Shared reading of the logging resources for the security-logging rules.

export const TRAIL = "aws:cloudtrail/trail:Trail";
export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
export const METRIC_FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
export const DATA_PROTECTION = "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy";
export const BUCKET = "aws:s3/bucket:Bucket";
export const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

/** A string input, or undefined when it is unknown until deploy. */
export const str = (r: PolicyResource, key: string) => known(() => r.props[key] as string | undefined);

/** Resources of a type whose `key` input names `value`. */
export const naming = (resources: readonly PolicyResource[], type: string, key: string, value: string) => ofType(resources, type).filter((r) => str(r, key) === value);

/**
 * Whether an input is set. An input unknown until deploy (a key's ARN, a log group's) is set:
 * something computed was given.
 */
export function isSet(read: () => unknown): boolean {
  try {
    return Boolean(read());
  } catch (e) {
    if ((e as Error).constructor?.name === "UnknownValueError") return true;
    throw e;
  }
}
