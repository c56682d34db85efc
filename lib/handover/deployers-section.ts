import { webIdentityTrusts } from "../iam/assumers";
import { list, parsePolicyDocument, type PolicyDocument } from "../iam/policy-document";
import type { CapturedResource } from "../plan/types";
import { toDisplay } from "../plan/wire";

// The handover's "Who can deploy": each IAM role, who could assume it (asked of the trust
// evaluator, the same answer the gate's identity rules give) and what it may do once assumed.
// Read from the planned resources: the bootstrap project's roles, or any a stack export holds.

export interface DeployerRow {
  readonly role: string;
  readonly environment: string;
  readonly assumers: readonly string[];
  readonly session: string;
  readonly may: readonly string[];
}

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const MANAGED_POLICY = "aws:iam/policy:Policy";

const inputsOf = (r: CapturedResource) => toDisplay(r.inputs) as Record<string, any>;
const ofType = (rs: readonly CapturedResource[], type: string) => rs.filter((r) => r.type === type);
const last = (arn: string) => arn.split(/[:/]/).pop() ?? arn;
const documentOf = (v: unknown): PolicyDocument | undefined => {
  try {
    return parsePolicyDocument(v);
  } catch {
    return undefined;
  }
};

/** Who the trust lets in: GitHub jobs as the evaluator found them, other principals as named. */
function assumersOf(trust: PolicyDocument | undefined): string[] {
  if (!trust) return ["unknown until deploy (the trust policy is computed)"];
  const web = webIdentityTrusts(trust).flatMap((t) => (t.github ? t.allowed.map((a) => `${a.who}${t.audienceChecked ? "" : " (no audience checked)"}`) : [`a token from ${last(t.provider)}`]));
  const others = trust.Statement.filter((s) => s.Effect === "Allow").flatMap((s) =>
    s.Principal === "*" ? ["anyone (Principal \"*\")"] : [...list(s.Principal?.AWS).map((p) => `AWS ${p}`), ...list(s.Principal?.Service).map((p) => `the service ${p}`)],
  );
  const all = [...web, ...others];
  return all.length > 0 ? all : ["nobody: the trust allows no principal"];
}

/** One line per Allow statement: its actions (a service's count past four) and where. */
function grantsOf(policy: unknown, from: string): string[] {
  const doc = documentOf(policy);
  if (!doc) return [`${from}: unknown until deploy`];
  return doc.Statement.map((s) => {
    const actions = list(s.Action ?? s.NotAction);
    const shown = actions.length > 4 ? `${[...new Set(actions.map((a) => a.split(":")[0]))].join(", ")} (${actions.length} actions)` : actions.join(", ");
    const where = list(s.Resource ?? s.NotResource).join(", ") || "any resource";
    return `${from}: ${s.Effect === "Deny" ? "denied" : "may"} ${s.NotAction ? "all but " : ""}${shown} on ${where}${s.Condition ? " (with conditions)" : ""}`;
  });
}

export function deployerRows(rs: readonly CapturedResource[]): DeployerRow[] {
  const managed = ofType(rs, MANAGED_POLICY).map(inputsOf);
  return ofType(rs, ROLE).map((r) => {
    const i = inputsOf(r);
    const name = String(i.name ?? r.name);
    const inline = ofType(rs, ROLE_POLICY).map(inputsOf).filter((p) => p.role === name);
    const attached = [...list<string>(i.managedPolicyArns), ...ofType(rs, ATTACHMENT).map(inputsOf).filter((a) => a.role === name).map((a) => String(a.policyArn))];
    const boundary = typeof i.permissionsBoundary === "string" ? last(i.permissionsBoundary) : undefined;
    return {
      role: name,
      environment: String(i.tags?.environment ?? i.tags?.access ?? ""),
      assumers: assumersOf(documentOf(i.assumeRolePolicy)),
      session: i.maxSessionDuration ? `${Number(i.maxSessionDuration) / 3600} h` : "1 h (AWS default)",
      may: [
        ...inline.flatMap((p) => grantsOf(p.policy, "inline")),
        ...list<{ name?: string; policy?: string }>(i.inlinePolicies).flatMap((p) => grantsOf(p.policy, p.name ?? "inline")),
        ...attached.flatMap((arn) => {
          const own = managed.find((m) => m.name === last(arn));
          return own ? grantsOf(own.policy, own.name) : [`the managed policy ${last(arn)}`];
        }),
        ...(boundary ? [`bounded by ${boundary}: never more than that policy allows`] : []),
      ],
    };
  });
}
