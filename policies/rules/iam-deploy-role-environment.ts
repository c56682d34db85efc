import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { asvs, type LaunchResourcePolicy } from "../rule";
import { environmentOf, pipelineTrusts, whoCan } from "./identity";

// A deploy role pinned to a GitHub environment inherits that environment's protection rules
// (required reviewers, branch restrictions); one pinned to a branch lets any workflow on that
// branch deploy. Production must be pinned; elsewhere it is advice.
const PRODUCTION = new Set(["prod", "production"]);

export const iamDeployRoleEnvironment: LaunchResourcePolicy = {
  name: "iam-deploy-role-environment",
  description: "A role GitHub Actions can assume is pinned to a GitHub environment (sub repo:<owner>/<repo>:environment:<env>), not to a branch or a tag; a production role must be.",
  enforcementLevel: "advisory",
  severity: "high",
  remediationSteps: "Pin the sub condition to repo:<owner>/<repo>:environment:<env> and give that GitHub environment required reviewers; keep pull requests on a separate read-only role (repo:<owner>/<repo>:pull_request).",
  references: [{ standard: "Vendor", id: "GitHub environments", title: "Using environments for deployment", url: "https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment" }, asvs("V14.1.1", "Build and deploy processes are secure and repeatable")],
  runbook: "deploy-identity",
  validateResource: validateResourceOfType(aws.iam.Role, (role, args, report) => {
    const props = role as unknown as Record<string, unknown>;
    for (const t of pipelineTrusts(props).filter((x) => x.github && x.branchPushAllowed)) {
      const message = `is not pinned to a GitHub environment: a push can assume it without any environment's protection (who can: ${whoCan(t)}). Fix: use sub repo:<owner>/<repo>:environment:<env>.`;
      const environment = environmentOf(props);
      if (environment && PRODUCTION.has(environment)) report({ message: `is a production role and ${message}`, enforcementLevel: "mandatory", urn: args.urn } as never);
      else report(message);
    }
  }),
};
