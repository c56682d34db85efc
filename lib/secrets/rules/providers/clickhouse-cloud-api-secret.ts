import type { FormatRule } from "../types";

// ClickHouse Cloud API key secrets: `4b1d` and 38 letters and digits.

export const ClickhouseCloudApiSecret: FormatRule = {
  id: "clickhouse-cloud-api-secret",
  description: "a ClickHouse Cloud API key secret",
  keywords: ["4b1d"],
  pattern: /\b(4b1d[A-Za-z0-9]{38})\b/,
  minEntropy: 3.5,
  sources: [
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (clickhouse-cloud-api-secret-key)",
  ],
};
