import type { BootstrapConfig, BootstrapEnvironment } from "./config";

// What a deploy role may do: the services behind the main project's AWS resource types, with
// the verbs a create/update/delete needs, on this account only. IAM is narrower: roles it creates
// must carry the environment's permissions boundary, and it attaches only the project's policies.
// tests/bootstrap.test.ts checks that every AWS type the main project plans has its service here.

/** Main-project resource type to the IAM service prefix that manages it. */
export const SERVICE_OF_TYPE: Readonly<Record<string, string>> = {
  "aws:kms/key:Key": "kms",
  "aws:kms/alias:Alias": "kms",
  "aws:secretsmanager/secret:Secret": "secretsmanager",
  "aws:secretsmanager/secretPolicy:SecretPolicy": "secretsmanager",
  "aws:secretsmanager/secretVersion:SecretVersion": "secretsmanager",
  "aws:ssm/parameter:Parameter": "ssm",
  "aws:sns/topic:Topic": "sns",
  "aws:sns/topicSubscription:TopicSubscription": "sns",
  "aws:cloudwatch/metricAlarm:MetricAlarm": "cloudwatch",
  "aws:cloudwatch/logGroup:LogGroup": "logs",
  "aws:cloudwatch/logMetricFilter:LogMetricFilter": "logs",
  "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy": "logs",
  "aws:route53/healthCheck:HealthCheck": "route53",
  "aws:sesv2/emailIdentity:EmailIdentity": "ses",
  "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes": "ses",
  "aws:ec2/securityGroupRule:SecurityGroupRule": "ec2",
  "aws:cloudtrail/trail:Trail": "cloudtrail",
  "aws:s3/bucket:Bucket": "s3",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": "s3",
  "aws:s3/bucketPolicy:BucketPolicy": "s3",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "s3",
  "aws:s3/bucketVersioning:BucketVersioning": "s3",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": "s3",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": "s3",
  "aws:s3/bucketLogging:BucketLogging": "s3",
  "aws:iam/role:Role": "iam",
  "aws:iam/policy:Policy": "iam",
  "aws:iam/rolePolicy:RolePolicy": "iam",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "iam",
};

const WRITE_VERBS = ["Create*", "Delete*", "Put*", "Update*", "Tag*", "Untag*", "Set*", "Enable*", "Disable*", "Schedule*", "Cancel*", "Change*", "Add*", "Remove*", "Modify*", "Associate*", "Subscribe", "Unsubscribe", "Start*", "Stop*", "Restore*", "Authorize*", "Revoke*", "Encrypt", "Decrypt", "GenerateDataKey*"];
export const READ_VERBS = ["Describe*", "Get*", "List*"];

const serviceResource = (service: string, account: string) => (service === "s3" ? "arn:aws:s3:::*" : service === "route53" ? "*" : `arn:aws:${service}:*:${account}:*`);

const servicesOf = () => [...new Set(Object.values(SERVICE_OF_TYPE))].filter((s) => s !== "iam").sort();

export const namePrefix = (env: BootstrapEnvironment) => `launch-baseline-${env.stack}`;

/** The deploy role's permission policy for one environment. */
export function deployPolicy(config: BootstrapConfig, env: BootstrapEnvironment, boundaryArn: string): object {
  const account = config.awsAccountId;
  const prefix = namePrefix(env);
  return {
    Version: "2012-10-17",
    Statement: [
      ...servicesOf().map((service) => ({ Sid: `Manage${service.replace(/^./, (c) => c.toUpperCase())}`, Effect: "Allow", Action: [...WRITE_VERBS, ...READ_VERBS].map((v) => `${service}:${v}`), Resource: serviceResource(service, account) })),
      { Sid: "ReadIam", Effect: "Allow", Action: READ_VERBS.map((v) => `iam:${v}`), Resource: `arn:aws:iam::${account}:*` },
      { Sid: "CreateRolesOnlyWithTheBoundary", Effect: "Allow", Action: ["iam:CreateRole", "iam:PutRolePermissionsBoundary"], Resource: `arn:aws:iam::${account}:role/*`, Condition: { StringEquals: { "iam:PermissionsBoundary": boundaryArn } } },
      { Sid: "ManageTheProjectsRoles", Effect: "Allow", Action: ["iam:DeleteRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:PassRole"], Resource: `arn:aws:iam::${account}:role/${prefix}-*` },
      { Sid: "ManageTheProjectsPolicies", Effect: "Allow", Action: ["iam:CreatePolicy", "iam:DeletePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"], Resource: `arn:aws:iam::${account}:policy/${prefix}-*` },
      { Sid: "AttachOnlyTheProjectsPolicies", Effect: "Allow", Action: ["iam:AttachRolePolicy", "iam:DetachRolePolicy"], Resource: `arn:aws:iam::${account}:role/*`, Condition: { ArnLike: { "iam:PolicyARN": `arn:aws:iam::${account}:policy/${prefix}-*` } } },
      { Sid: "KeepTheBoundaryAsItIs", Effect: "Deny", Action: ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"], Resource: boundaryArn },
      { Sid: "NoBoundaryRemoval", Effect: "Deny", Action: "iam:DeleteRolePermissionsBoundary", Resource: "*" },
    ],
  };
}

/**
 * The permissions boundary every deploy role, and every role a deploy creates, carries: the same
 * services on this account, IAM reads, and never user or access-key management.
 */
export function boundaryPolicy(config: BootstrapConfig): object {
  const account = config.awsAccountId;
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "ProjectServices", Effect: "Allow", Action: servicesOf().map((s) => `${s}:*`), Resource: "*", Condition: { StringEquals: { "aws:ResourceAccount": account } } },
      { Sid: "ProjectIam", Effect: "Allow", Action: ["iam:Get*", "iam:List*", "iam:CreateRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PassRole", "iam:PutRolePermissionsBoundary", "iam:CreatePolicy", "iam:DeletePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"], Resource: `arn:aws:iam::${account}:*` },
      { Sid: "NoUsersOrKeys", Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:AttachUserPolicy", "iam:PutUserPolicy"], Resource: "*" },
    ],
  };
}

/** The preview role: read everything the project manages, read state, take preview's lock. */
export function previewPolicy(config: BootstrapConfig, state?: { bucketArn: string; keyArns: string[] }): object {
  const account = config.awsAccountId;
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "ReadProjectServices", Effect: "Allow", Action: [...servicesOf(), "iam"].flatMap((s) => READ_VERBS.map((v) => `${s}:${v}`)), Resource: "*", Condition: { StringEquals: { "aws:ResourceAccount": account } } },
      { Sid: "NoSecretValues", Effect: "Deny", Action: ["secretsmanager:GetSecretValue"], Resource: "*" },
      ...(state
        ? [
            { Sid: "ReadState", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"], Resource: [state.bucketArn, `${state.bucketArn}/*`] },
            // `pulumi preview` on an S3 backend locks the stack while it runs.
            { Sid: "TakePreviewLocks", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: `${state.bucketArn}/.pulumi/locks/*` },
            { Sid: "DecryptConfigSecrets", Effect: "Allow", Action: ["kms:Decrypt"], Resource: state.keyArns },
          ]
        : []),
    ],
  };
}
