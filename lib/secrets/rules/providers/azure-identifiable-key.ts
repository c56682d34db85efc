import type { FormatRule } from "../types";

// Microsoft's identifiable keys for Azure services: random base64 with a fixed signature at a
// fixed offset that names the service, as Microsoft's own scanner describes them. 44 characters
// for Service Bus (+ASb), Event Hubs (+AEh), Relay (+ARm), IoT Hub and devices (AIoT), Cache for
// Redis (AzCa) and Event Grid (AZEG); 52 for Search (AzSe) and Container Registry (+ACR); 56 for
// Functions (AzFu); 88 for Storage (+ASt), Cosmos DB (ACDb), Batch (+ABa), Machine Learning
// (+AMC) and API Management (APIM). The character after a signature is a version (A to P or A
// to D), and keys of 56 and 88 characters end in one of A, Q, g or w before their padding.

export const AzureIdentifiableKey: FormatRule = {
  id: "azure-identifiable-key",
  description: "an Azure service access key (Microsoft's identifiable format)",
  keywords: ["+asb", "+aeh", "+arm", "aiot", "azca", "azeg", "azse", "+acr", "azfu", "+ast", "acdb", "+aba", "+amc", "apim"],
  pattern:
    /(?<![A-Za-z0-9+/_-])([A-Za-z0-9+/]{33}(?:\+ASb|\+AEh|\+ARm|AIoT|AzCa|AZEG)[A-P][A-Za-z0-9+/]{5}=|[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5}|[A-Za-z0-9+/]{42}\+ACR[A-D][A-Za-z0-9+/]{5}|[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==|[A-Za-z0-9+/]{76}(?:\+ASt|ACDb|\+ABa|\+AMC|APIM)[A-Za-z0-9+/]{5}[AQgw]==)(?![A-Za-z0-9+/_=-])/,
  minEntropy: 3.5,
  sources: [
    "https://github.com/microsoft/security-utilities/blob/main/GeneratedRegexPatterns/HighConfidenceSecurityModels.json (SEC101/152 to SEC101/199)",
  ],
};
