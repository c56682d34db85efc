import type { NamedRule } from "../types";

// Datadog API keys (32 hex) and application keys (40 hex) have no prefix: proof under a Datadog name (DD_API_KEY, DD_APP_KEY, datadog_*).

export const DatadogKey: NamedRule = {
  id: "datadog-key",
  description: "a Datadog API or application key",
  name: /datadog|(?:^|[^a-z])dd[_.-]?(?:api|app(?:lication)?)[_.-]?key/i,
  value: /^(?:[0-9a-f]{32}|[0-9a-f]{40})$/,
  minEntropy: 3,
  sources: [
    "https://docs.datadoghq.com/account_management/api-app-keys/",
  ],
};
