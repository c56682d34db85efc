import type { FormatRule } from "../types";

// Azure DevOps personal access tokens in the 84-character format of 2024: 52 characters, the `JQQJ99` marker, and the `AZDO` signature four from the end.

export const AzureDevopsPat: FormatRule = {
  id: "azure-devops-pat",
  description: "an Azure DevOps personal access token",
  keywords: ["jqqj99"],
  pattern: /\b([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{18}AZDO[A-Za-z0-9]{4})\b/,
  minEntropy: 3,
  sources: [
    "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    "https://devblogs.microsoft.com/devops/new-pat-format/",
  ],
};
