import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { asvs, type LaunchResourcePolicy } from "../rule";

export const secretsStorage: LaunchResourcePolicy = {
  name: "secrets-storage",
  description: "Secrets Manager secrets are encrypted with a customer-managed KMS key (not aws/secretsmanager) and stay recoverable after deletion; KMS keys rotate.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Create secrets through the SecretStore component: it gives each environment its own rotating customer-managed key and a 7 to 30 day recovery window (30 in prod).",
  references: [asvs("V6.4.2", "Key material is not exposed to the application and is managed by a key vault"), { standard: "CIS", id: "CIS AWS Foundations 3.6", title: "Ensure rotation for customer-created symmetric CMKs is enabled", url: "https://www.cisecurity.org/benchmark/amazon_web_services" }],
  runbook: "secret-exposed",
  validateResource: [
    validateResourceOfType(aws.secretsmanager.Secret, (secret, _args, report) => {
      if (!secret.kmsKeyId || /alias\/aws\/secretsmanager$/.test(secret.kmsKeyId)) report(`secret ${secret.name ?? ""} uses the AWS-managed key; give it the environment's customer-managed key (kmsKeyId).`);
      if (secret.recoveryWindowInDays === 0) report(`secret ${secret.name ?? ""} has recoveryWindowInDays 0: a deletion would be immediate and unrecoverable.`);
    }),
    validateResourceOfType(aws.kms.Key, (key, _args, report) => {
      if (key.enableKeyRotation !== true) report("the KMS key does not rotate (enableKeyRotation must be true).");
    }),
  ],
};
