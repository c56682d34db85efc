// Shared reading of S3 buckets for the rules that keep logs and state private.

export const BLOCKS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
export const SSE_CONFIG = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
export const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";

/** Whether a bucket policy denies every request that arrives without TLS. */
export function denyInsecureTransport(policy: string): boolean {
  const doc = JSON.parse(policy) as { Statement?: Array<{ Effect?: string; Action?: string | string[]; Condition?: { Bool?: Record<string, string> } }> };
  return (doc.Statement ?? []).some((s) => s.Effect === "Deny" && [s.Action].flat().some((a) => a === "s3:*" || a === "*") && s.Condition?.Bool?.["aws:SecureTransport"] === "false");
}
