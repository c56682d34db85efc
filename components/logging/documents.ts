// Policy documents of the security-logging component, pure so tests can read them as JSON.

const tlsOnly = (bucketArn: string) => ({
  Sid: "DenyInsecureTransport",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: [bucketArn, `${bucketArn}/*`],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
});

/** The trail's bucket: CloudTrail may check its ACL and write its own prefix; nothing over plain HTTP. */
export function trailBucketPolicy(bucketArn: string, account: string, trailArn: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "CloudTrailAclCheck", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: bucketArn, Condition: { StringEquals: { "aws:SourceArn": trailArn } } },
      {
        Sid: "CloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/AWSLogs/${account}/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
      },
      tlsOnly(bucketArn),
    ],
  };
}

/** The access-log bucket: S3's log delivery for this account's trail bucket only. */
export function accessLogBucketPolicy(bucketArn: string, account: string, sourceBucketArn: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "S3ServerAccessLogs",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/*`,
        Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": sourceBucketArn } },
      },
      tlsOnly(bucketArn),
    ],
  };
}

/** The logs key: the account administers it; CloudTrail and CloudWatch Logs use it for this account only. */
export function logsKeyPolicy(account: string, region: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CloudTrailEncryptsLogs",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${account}:trail/*` } },
      },
      {
        Sid: "CloudWatchLogsEncryptsLogGroups",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${account}:log-group:*` } },
      },
    ],
  };
}

export const cloudTrailAssumeRole = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }] };

/** What CloudTrail's role may do: write its own streams in the trail's log group. */
export function trailDeliveryPolicy(logGroupArn: string): object {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroupArn}:log-stream:*` }] };
}
