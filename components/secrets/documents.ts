// The IAM documents of the secret store, as pure functions of ARNs so tests can read them.

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Record<string, unknown>[];
}

/** Who may read one secret: exactly these roles; everyone else is denied even with IAM rights. */
export function secretResourcePolicy(readers: readonly string[]): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AllowNamedReaders", Effect: "Allow", Principal: { AWS: [...readers] }, Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: "*" },
      { Sid: "DenyEveryoneElse", Effect: "Deny", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalArn": [...readers] } } },
    ],
  };
}

/** The app role's only rights: read this environment's secrets, decrypt with its key via Secrets Manager. */
export function appReadPolicy(secretArns: readonly string[], keyArn: string, region: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "ReadThisEnvironmentsSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: [...secretArns] },
      { Sid: "DecryptWithThisEnvironmentsKey", Effect: "Allow", Action: "kms:Decrypt", Resource: keyArn, Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } } },
    ],
  };
}

/**
 * The key policy: the account administers the key (without this statement a key can lock
 * everyone out), and the readers may decrypt only through Secrets Manager.
 */
export function keyPolicy(accountId: string, readers: readonly string[], region: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
      { Sid: "ReadersDecryptViaSecretsManager", Effect: "Allow", Principal: { AWS: [...readers] }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*", Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } } },
    ],
  };
}
