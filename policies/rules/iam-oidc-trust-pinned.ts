import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { checkov, asvs, type LaunchResourcePolicy } from "../rule";
import { PIN_FIX, pipelineTrusts } from "./identity";

export const iamOidcTrustPinned: LaunchResourcePolicy = {
  name: "iam-oidc-trust-pinned",
  description: "A role trusted by a web identity provider checks the token's audience, and a GitHub Actions trust pins `sub` to one repository: judged by evaluating the trust for a stranger's repository, another of the same owner and a token for another audience.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Give every AssumeRoleWithWebIdentity statement a StringEquals condition on <issuer>:aud, and for GitHub a StringEquals (or a StringLike whose only wildcard follows the repository) on token.actions.githubusercontent.com:sub naming repo:<owner>/<repo>:environment:<env>.",
  references: [
    checkov("CKV_AWS_358", "GitHub Actions OIDC trust policies only allow specific repositories"),
    asvs("V1.4.1", "Access controls are enforced at a trusted service layer"),
    { standard: "Vendor", id: "GitHub OIDC for AWS", title: "Configuring OpenID Connect in Amazon Web Services", url: "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services" },
  ],
  runbook: "deploy-identity",
  validateResource: validateResourceOfType(aws.iam.Role, (role, _args, report) => {
    for (const t of pipelineTrusts(role as unknown as Record<string, unknown>)) {
      if (!t.audienceChecked) report(`trusts ${t.provider} without a condition on the token's audience (${t.provider.split("oidc-provider/").pop()}:aud), so a token minted for any other client of that issuer is accepted. Fix: add StringEquals on the aud key (sts.amazonaws.com for GitHub Actions).`);
      else if (t.wrongAudienceAllowed) report(`accepts a GitHub token for another audience than sts.amazonaws.com. Fix: use StringEquals on token.actions.githubusercontent.com:aud, not a wildcard or a negated operator.`);
      if (!t.github) continue;
      // The probes' last jobs are the stranger's, the ones before them the owner's other repository.
      if (t.anyRepository) report(`can be assumed from any repository on GitHub: the trust lets in ${t.allowed[t.allowed.length - 1]!.who}, for one. ${PIN_FIX}`);
      else if (t.anyRepositoryOfOwner) report(`can be assumed from every repository of ${t.anyRepositoryOfOwner}, not one: the trust lets in ${t.allowed[t.allowed.length - 1]!.who}, for one. ${PIN_FIX}`);
    }
  }),
};
