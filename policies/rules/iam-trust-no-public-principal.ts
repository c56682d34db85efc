import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { evaluateTrust } from "../../lib/iam/trust";
import { checkov, asvs, type LaunchResourcePolicy } from "../rule";
import { trustOf } from "./identity";

// Asked of the evaluator, not of the text: a stranger's account, with no condition keys at all.
const STRANGER = { action: "sts:AssumeRole", principal: { AWS: "arn:aws:iam::999999999999:root" }, context: {} };

export const iamTrustNoPublicPrincipal: LaunchResourcePolicy = {
  name: "iam-trust-no-public-principal",
  description: "No role can be assumed by any AWS account: a trust on Principal \"*\" or AWS \"*\" must carry a condition that a stranger's account does not meet.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Name the accounts, roles or services that may assume the role in Principal, or add a condition (aws:PrincipalOrgID, sts:ExternalId) that only they meet.",
  references: [checkov("CKV_AWS_60", "IAM role does not allow assume role permission across all services"), asvs("V1.4.1", "Access controls are enforced at a trusted service layer")],
  runbook: "deploy-identity",
  validateResource: validateResourceOfType(aws.iam.Role, (role, _args, report) => {
    const doc = trustOf(role as unknown as Record<string, unknown>);
    if (!doc) return;
    const decision = evaluateTrust(doc, STRANGER);
    if (decision.allowed) report(`can be assumed by any AWS account (${decision.by} lets in a stranger's account with no conditions met). Fix: name the principals in Principal, or add a condition such as aws:PrincipalOrgID that only your accounts meet.`);
  }),
};
