import type { PolicyResource } from "@pulumi/policy";
import { list, parsePolicyDocument, wildcardMatch } from "../../lib/iam/policy-document";
import { checkov, asvs, type LaunchStackPolicy } from "../rule";
import { MANAGED_POLICY, ROLE, ROLE_POLICY, ROLE_POLICY_ATTACHMENT, isPipelineRole } from "./identity";
import { known, ofType } from "./monitoring";

// AWS managed policies that amount to administrator rights for a pipeline: everything, or every
// IAM action (which can grant everything).
const ADMIN_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

/** The first statement granting every action, or every IAM action on every resource. */
function adminGrant(policy: unknown): string | undefined {
  const doc = known(() => parsePolicyDocument(policy));
  for (const s of doc?.Statement ?? []) {
    if (s.Effect !== "Allow" || s.NotAction !== undefined) continue;
    const actions = list(s.Action);
    const everywhere = list(s.Resource).some((r) => r === "*");
    if (actions.some((a) => a === "*")) return `Action "*"`;
    if (everywhere && actions.some((a) => wildcardMatch(a, "iam:CreatePolicyVersion", true) && wildcardMatch(a, "iam:AttachRolePolicy", true))) return `${actions.find((a) => /^iam:\*$/i.test(a)) ?? "every IAM action"} on Resource "*"`;
  }
  return undefined;
}

/** "policy x (Action \"*\")" when the policy grants administrator rights, else nothing. */
const granted = (what: string, policy: unknown): string[] => {
  const grant = adminGrant(policy);
  return grant ? [`${what} (${grant})`] : [];
};

const nameOf = (r: PolicyResource) => known(() => (r.props.name as string | undefined) ?? r.name);

export const iamPipelineRolesNotAdmin: LaunchStackPolicy = {
  name: "iam-pipeline-roles-not-admin",
  description: "No role a pipeline can assume (a web identity trust) holds administrator rights: AdministratorAccess, PowerUserAccess or IAMFullAccess, or a policy with Action \"*\" or iam:* on every resource.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Grant a pipeline role the actions its project's resources need, scoped to the account, region and name prefix (bootstrap/ derives them from the main project's resource types), with a permissions boundary on any role it creates.",
  references: [checkov("CKV_AWS_274", "Disallow IAM roles, users, and groups from using the AWS AdministratorAccess policy"), checkov("CKV_AWS_355", "no IAM policy document allows * as a statement's actions"), asvs("V1.4.3", "Principle of least privilege")],
  runbook: "deploy-identity",
  validateStack: (args, report) => {
    const roles = ofType(args.resources, ROLE).filter((r) => known(() => isPipelineRole(r)));
    const policies = new Map(ofType(args.resources, MANAGED_POLICY).flatMap((p) => [known(() => p.props.arn as string | undefined), `arn:${p.name}`].filter((k): k is string => !!k).map((k) => [k, p] as const)));
    for (const role of roles) {
      const name = nameOf(role);
      const attached = [
        ...known(() => list(role.props.managedPolicyArns as string[] | undefined)) ?? [],
        ...ofType(args.resources, ROLE_POLICY_ATTACHMENT).filter((a) => known(() => a.props.role) === name).flatMap((a) => known(() => a.props.policyArn as string) ?? []),
      ];
      const grants = [
        ...attached.filter((arn) => ADMIN_MANAGED.test(arn)).map((arn) => `the managed policy ${arn.split("/").pop()}`),
        ...attached.flatMap((arn) => {
          const p = policies.get(arn) ?? [...policies.values()].find((x) => known(() => x.props.name) === arn.split("/").pop());
          return p ? granted(`policy ${p.name}`, p.props.policy) : [];
        }),
        ...(known(() => role.props.inlinePolicies as Array<{ name?: string; policy?: string }> | undefined) ?? []).flatMap((p) => granted(`inline policy ${p.name ?? "?"}`, p.policy)),
        ...ofType(args.resources, ROLE_POLICY).filter((p) => known(() => p.props.role) === name).flatMap((p) => granted(`role policy ${p.name}`, p.props.policy)),
      ];
      for (const grant of grants) report(`role ${name} can be assumed by a pipeline and holds administrator rights through ${grant}. Fix: replace it with the actions the project's resources need, scoped to this account and the project's name prefix (see bootstrap/).`, role.urn);
    }
  },
};
