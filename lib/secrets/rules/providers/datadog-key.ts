import type { NamedRule } from "../types";

// Datadog API keys (32 hex) and application keys (40 hex) have no prefix: proof under a Datadog name (DD_API_KEY, DD_APP_KEY, datadog_*).

export const DatadogKey: NamedRule = {
  id: "datadog-key",
  description: "a Datadog API or application key",
  name: /datadog|(?:^|[^a-z])dd[_.-]?(?:api|app(?:lication)?)[_.-]?key/i,
  value: /^(?:[0-9a-f]{32}|[0-9a-f]{40})$/,
  // 32 random hex digits fall under 3 bits a character about once in 8,000 draws; under 2.8 about once in a million.
  minEntropy: 2.8,
  sources: [
    "https://docs.datadoghq.com/account_management/api-app-keys/",
  ],
};
