// The CIS AWS Foundations alarm set, as AWS Security Hub checks it (controls CloudWatch.1 to
// CloudWatch.14, CIS v1.2.0 3.x / v1.4.0 4.x), plus CIS v3.0.0 4.15 for Organizations changes.
// Security Hub compares a metric filter's pattern with the published text, extra terms included:
// these strings are that text and must never be edited. A tolerant variant goes beside one as
// an extra filter (TOLERANT_FILTERS), never in its place.

export interface CisFilter {
  /** The Security Hub control, or the CIS recommendation where Security Hub has none. */
  readonly control: string;
  /** Metric name in the CISBenchmark namespace; also names the filter and its alarm. */
  readonly metric: string;
  readonly watches: string;
  readonly pattern: string;
}

export const CIS_NAMESPACE = "CISBenchmark";

export const CIS_FILTERS: readonly CisFilter[] = [
  {
    control: "CloudWatch.1",
    metric: "RootAccountUsage",
    watches: "use of the root user",
    pattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
  },
  {
    control: "CloudWatch.2",
    metric: "UnauthorizedAPICalls",
    watches: "unauthorised API calls",
    pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
  },
  {
    control: "CloudWatch.3",
    metric: "ConsoleSigninWithoutMFA",
    watches: "console sign-in without MFA",
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  },
  {
    control: "CloudWatch.4",
    metric: "IAMPolicyChanges",
    watches: "IAM policy changes",
    pattern: '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  },
  {
    control: "CloudWatch.5",
    metric: "CloudTrailChanges",
    watches: "CloudTrail configuration changes",
    pattern: '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}',
  },
  {
    control: "CloudWatch.6",
    metric: "ConsoleSigninFailures",
    watches: "console sign-in failures",
    pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
  },
  {
    control: "CloudWatch.7",
    metric: "DisableOrDeleteCMK",
    watches: "customer managed keys disabled or scheduled for deletion",
    pattern: '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}',
  },
  {
    control: "CloudWatch.8",
    metric: "S3BucketPolicyChanges",
    watches: "S3 bucket policy changes",
    pattern: '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}',
  },
  {
    control: "CloudWatch.9",
    metric: "AWSConfigChanges",
    watches: "AWS Config changes",
    pattern: '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}',
  },
  {
    control: "CloudWatch.10",
    metric: "SecurityGroupChanges",
    watches: "security group changes",
    pattern: '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}',
  },
  {
    control: "CloudWatch.11",
    metric: "NACLChanges",
    watches: "network ACL changes",
    pattern: '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}',
  },
  {
    control: "CloudWatch.12",
    metric: "NetworkGatewayChanges",
    watches: "network gateway changes",
    pattern: '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}',
  },
  {
    control: "CloudWatch.13",
    metric: "RouteTableChanges",
    watches: "route table changes",
    pattern: '{($.eventSource=ec2.amazonaws.com) && (($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable))}',
  },
  {
    control: "CloudWatch.14",
    metric: "VPCChanges",
    watches: "VPC changes",
    pattern: '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}',
  },
  {
    control: "CIS 4.15",
    metric: "OrganizationsChanges",
    watches: "AWS Organizations changes",
    pattern: '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  },
];

/**
 * Opt-in companions: sign-ins through IAM Identity Center (SSO) report MFAUsed "No" because the
 * MFA happened at the identity provider, so the exact CloudWatch.3 filter fires on every SSO
 * sign-in. This one counts only successful IAM-user sign-ins without MFA.
 */
export const TOLERANT_FILTERS: readonly CisFilter[] = [
  {
    control: "CloudWatch.3 (IAM users only)",
    metric: "ConsoleSigninWithoutMFAIamUsers",
    watches: "successful IAM-user console sign-in without MFA (tolerates SSO sign-ins)",
    pattern: `{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }`,
  },
];

/** The published pattern for a CIS metric name, if it is one. */
export const publishedPattern = (metric: string) => CIS_FILTERS.find((f) => f.metric === metric)?.pattern;
