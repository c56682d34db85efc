import type { FormatRule } from "../types";

// Azure DevOps personal access tokens in the 84-character format of 2024, Microsoft's common
// annotated key (azure-common-annotated-key.ts) with the provider signature `AZDO` four from the
// end: 52 random characters, `JQQJ9` and one of 9, D or H, a character, one of A to L, 16 more,
// AZDO and four more.

export const AzureDevopsPat: FormatRule = {
  id: "azure-devops-pat",
  description: "an Azure DevOps personal access token",
  keywords: ["jqqj9"],
  pattern: /\b([A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}AZDO[A-Za-z0-9]{4})\b/,
  minEntropy: 3,
  sources: [
    "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    "https://devblogs.microsoft.com/devops/new-pat-format/",
    "https://learn.microsoft.com/en-us/purview/sit-defn-azure-devops-personal-access-token",
    "https://github.com/microsoft/security-utilities/blob/main/GeneratedRegexPatterns/HighConfidenceSecurityModels.json (SEC101/200)",
  ],
};
