import type { NamedRule } from "../types";

// Azure DevOps tokens before 2024: 52 characters of base32, proof under a PAT, Azure DevOps or VSTS name.

export const AzureDevopsLegacyPat: NamedRule = {
  id: "azure-devops-legacy-pat",
  description: "an Azure DevOps personal access token",
  name: /(?:^|[^a-z])(?:pat|personal_?access_?token|azure_?devops|ado|vsts)(?:[^a-z]|$)|personalaccesstoken|azuredevops/i,
  value: /^[a-z2-7]{52}$/,
  minEntropy: 3,
  wordsByChance: true,
  sources: [
    "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
  ],
};
