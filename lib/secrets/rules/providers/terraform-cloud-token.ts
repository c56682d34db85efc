import type { FormatRule } from "../types";

// HCP Terraform (Terraform Cloud) user, team and organisation tokens: 14 characters, `.atlasv1.`, then the secret.

export const TerraformCloudToken: FormatRule = {
  id: "terraform-cloud-token",
  description: "an HCP Terraform API token",
  keywords: [".atlasv1."],
  pattern: /\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/,
  minEntropy: 3,
  sources: [
    "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/hashicorp.go",
  ],
};
