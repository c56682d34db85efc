// The app security log's CloudWatch Logs data protection policy: audit (findings to a log group)
// and mask, for AWS's managed identifiers and our own patterns for what AWS has none for (JWTs,
// bearer tokens, session cookies, password fields). Custom patterns: at most 10, 200 characters,
// no inline flags. Not IP addresses: source_ip is a field the contract requires.

const MANAGED = ["AwsSecretKey", "OpenSshPrivateKey", "PgpPrivateKey", "PkcsPrivateKey", "PuttyPrivateKey", "EmailAddress", "CreditCardNumber", "CreditCardSecurityCode", "CreditCardExpiration"] as const;

export const CUSTOM_IDENTIFIERS: ReadonlyArray<{ readonly Name: string; readonly Regex: string }> = [
  { Name: "JsonWebToken", Regex: "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}" },
  { Name: "BearerToken", Regex: "[Bb]earer\\s+[A-Za-z0-9._~+/-]{16,}=*" },
  { Name: "SessionCookie", Regex: "([Ss]ession|sid|connect\\.sid|__Host-[a-z]+)=[A-Za-z0-9%._~+/-]{16,}" },
  { Name: "PasswordField", Regex: "\"?([Pp]assword|[Pp]asswd|pwd|new_password)\"?\\s*[:=]\\s*\"?[^\"\\s,}]+" },
];

const managedArn = (id: string) => `arn:aws:dataprotection::aws:data-identifier/${id}`;

export function dataProtectionPolicy(name: string, findingsLogGroup: string): object {
  const identifiers = [...MANAGED.map(managedArn), ...CUSTOM_IDENTIFIERS.map((c) => c.Name)];
  return {
    Name: name,
    Version: "2021-06-01",
    Configuration: { CustomDataIdentifier: CUSTOM_IDENTIFIERS },
    Statement: [
      { Sid: "audit", DataIdentifier: identifiers, Operation: { Audit: { FindingsDestination: { CloudWatchLogs: { LogGroup: findingsLogGroup } } } } },
      { Sid: "redact", DataIdentifier: identifiers, Operation: { Deidentify: { MaskConfig: {} } } },
    ],
  };
}
