import type { FormatRule } from "../types";

// Microsoft's common annotated security key, the 84-character format its newer Azure keys share
// (Azure AI services and Azure OpenAI keys carry it, and DevOps PATs): 52 random characters, the
// `JQQJ9` signature and one of 9, D or H, a character, one of A to L, 16 more, a four-character
// provider signature (ACOG for Azure AI services) and four more, as Microsoft's own scanner
// matches it. A DevOps PAT (provider signature AZDO) is its own kind, azure-devops-pat.

export const AzureCommonAnnotatedKey: FormatRule = {
  id: "azure-common-annotated-key",
  description: "an Azure service key (Microsoft's common annotated security key)",
  keywords: ["jqqj9"],
  pattern: /(?<![A-Za-z0-9])([A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}(?!AZDO)[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?)(?![A-Za-z0-9=])/,
  minEntropy: 3.5,
  sources: [
    "https://github.com/microsoft/security-utilities/blob/main/GeneratedRegexPatterns/HighConfidenceSecurityModels.json (SEC101/200)",
  ],
};
