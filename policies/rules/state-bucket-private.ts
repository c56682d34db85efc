import { checkov, asvs, type LaunchStackPolicy } from "../rule";
import { BLOCKS, SSE_CONFIG, VERSIONING, denyInsecureTransport } from "./buckets";
import { BUCKET, BUCKET_POLICY, PUBLIC_ACCESS_BLOCK, naming, str } from "./logging";
import { known, ofType } from "./monitoring";

// The Pulumi state bucket holds every stack's resources and their encrypted secrets: a public or
// unencrypted one hands an attacker the map and, with a weak key, the secrets. Buckets tagged
// purpose=pulumi-state (bootstrap/ tags its own) are judged.
const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);

export const stateBucketPrivate: LaunchStackPolicy = {
  name: "state-bucket-private",
  description: "The Pulumi state bucket (tag purpose=pulumi-state) blocks all public access, has no public ACL, is encrypted with a KMS key, is versioned and refuses requests without TLS.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Give the state bucket a BucketPublicAccessBlock with all four settings true, SSE with aws:kms and a customer managed key, versioning Enabled and a policy denying s3:* when aws:SecureTransport is false (bootstrap/'s StateBackend does all of it).",
  references: [checkov("CKV_AWS_145", "S3 buckets are encrypted with KMS by default"), checkov("CKV_AWS_21", "S3 bucket has versioning enabled"), checkov("CKV_AWS_53", "S3 bucket has block public ACLS enabled"), asvs("V6.1.1", "Regulated private data is stored encrypted while at rest")],
  runbook: "deploy-identity",
  validateStack: (args, report) => {
    for (const bucket of ofType(args.resources, BUCKET).filter((b) => known(() => (b.props.tags as Record<string, string> | undefined)?.purpose) === "pulumi-state")) {
      const name = str(bucket, "bucket");
      if (name === undefined) continue;
      const fail = (what: string, fix: string) => report(`state bucket ${name} ${what}. Fix: ${fix}`, bucket.urn);
      if (PUBLIC_ACLS.has(str(bucket, "acl") ?? "")) fail(`has the public ACL ${str(bucket, "acl")}`, "remove the ACL; keep BucketOwnerEnforced ownership.");
      if (!naming(args.resources, PUBLIC_ACCESS_BLOCK, "bucket", name).some((b) => known(() => BLOCKS.every((k) => b.props[k] === true)))) fail(`does not block all public access (${BLOCKS.join(", ")} must all be true)`, "add an aws.s3.BucketPublicAccessBlock with all four true.");
      const sse = naming(args.resources, SSE_CONFIG, "bucket", name).flatMap((c) => known(() => c.props.rules as Array<{ applyServerSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyId?: string } }>) ?? []);
      if (!sse.some((r) => r.applyServerSideEncryptionByDefault?.sseAlgorithm === "aws:kms" && r.applyServerSideEncryptionByDefault.kmsMasterKeyId)) fail("is not encrypted with a KMS key of its own", 'add a BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms" and kmsMasterKeyId set to a customer managed key.');
      if (!naming(args.resources, VERSIONING, "bucket", name).some((v) => known(() => (v.props.versioningConfiguration as { status?: string } | undefined)?.status) === "Enabled")) fail("is not versioned, so a bad write to a checkpoint cannot be undone", 'add an aws.s3.BucketVersioning with status "Enabled".');
      const policies = naming(args.resources, BUCKET_POLICY, "bucket", name).map((p) => str(p, "policy"));
      if (!policies.some((p) => p !== undefined && denyInsecureTransport(p))) fail("does not deny requests without TLS", "add a bucket policy with a Deny on s3:* when aws:SecureTransport is false.");
    }
  },
};
