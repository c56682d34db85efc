import { checkov, trivy, asvs, type LaunchStackPolicy } from "../rule";
import { BUCKET_POLICY, PUBLIC_ACCESS_BLOCK, TRAIL, naming, str } from "./logging";
import { known, ofType } from "./monitoring";
import { BLOCKS, denyInsecureTransport } from "./buckets";

export const trailBucketPrivate: LaunchStackPolicy = {
  name: "trail-bucket-private",
  description: "The bucket a trail writes to blocks every kind of public access and refuses requests without TLS.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Give the trail's bucket an aws.s3.BucketPublicAccessBlock with all four settings true, and a bucket policy with a Deny on s3:* when aws:SecureTransport is false (the SecurityLogging component does both).",
  references: [
    asvs("V7.3.3", "Security logs are protected from unauthorized access and modification"),
    checkov("CKV_AWS_53", "S3 bucket has block public ACLS enabled"),
    checkov("CKV_AWS_56", "S3 bucket has RestrictPublicBuckets enabled"),
    checkov("CKV_AWS_379", "S3 bucket policy denies HTTP requests"),
    trivy("AVD-AWS-0161", "cloudtrail", "The S3 bucket of a CloudTrail trail is not publicly accessible"),
  ],
  runbook: "audit-trail-stopped",
  validateStack: (args, report) => {
    for (const trail of ofType(args.resources, TRAIL)) {
      const bucket = str(trail, "s3BucketName");
      if (bucket === undefined) continue;
      const blocks = naming(args.resources, PUBLIC_ACCESS_BLOCK, "bucket", bucket);
      const blocked = blocks.some((b) => known(() => BLOCKS.every((k) => b.props[k] === true)));
      if (!blocked) report(`trail ${trail.name} writes to bucket ${bucket}, whose public access is not fully blocked (${BLOCKS.join(", ")} must all be true).`, trail.urn);
      const policies = naming(args.resources, BUCKET_POLICY, "bucket", bucket).map((p) => str(p, "policy"));
      if (policies.some((p) => p === undefined)) continue;
      if (!policies.some((p) => denyInsecureTransport(p!))) report(`trail ${trail.name} writes to bucket ${bucket}, whose policy does not deny requests without TLS (aws:SecureTransport false).`, trail.urn);
    }
  },
};
