import type { PolicyResource } from "@pulumi/policy";
import { webIdentityTrusts, type WebIdentityTrust } from "../../lib/iam/assumers";
import { parsePolicyDocument, type PolicyDocument } from "../../lib/iam/policy-document";
import { known } from "./monitoring";

// Shared reading of IAM roles for the identity rules: the trust document, and what the trust
// evaluator says of who could assume the role from a pipeline.

export const ROLE = "aws:iam/role:Role";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
export const MANAGED_POLICY = "aws:iam/policy:Policy";

export const PIN_FIX = 'Fix: trust one repository and environment with StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:<owner>/<repo>:environment:<env>" } (bootstrap/ creates roles this way).';

/** The role's trust document, or undefined while it is unknown or not a document. */
export const trustOf = (props: Record<string, unknown>): PolicyDocument | undefined => known(() => parsePolicyDocument(props.assumeRolePolicy));

/** Who could assume the role from a pipeline, per web identity provider it trusts. */
export const pipelineTrusts = (props: Record<string, unknown>): WebIdentityTrust[] => {
  const doc = trustOf(props);
  return doc ? webIdentityTrusts(doc) : [];
};

/** A role a pipeline (a web identity) can assume at all. */
export const isPipelineRole = (r: PolicyResource) => pipelineTrusts(r.props).some((t) => !t.github || t.allowed.length > 0);

/** "a job in environment production of acme/app, a pull request in acme/app" (at most four). */
export const whoCan = (t: WebIdentityTrust) => {
  const who = t.allowed.map((a) => a.who);
  return who.length > 4 ? `${who.slice(0, 4).join("; ")} and ${who.length - 4} more` : who.join("; ");
};

/** The environment a role is for: its environment tag. */
export const environmentOf = (props: Record<string, unknown>) => known(() => (props.tags as Record<string, string> | undefined)?.environment);
