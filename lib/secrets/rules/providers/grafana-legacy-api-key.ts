import type { FormatRule } from "../types";

// Grafana's API keys before service accounts: base64 of a JSON object holding the key (`k`), its
// name (`n`) and the organisation id, so every one starts `eyJrIjoi`.

export const GrafanaLegacyApiKey: FormatRule = {
  id: "grafana-legacy-api-key",
  description: "a Grafana API key",
  keywords: ["eyjrijoi"],
  pattern: /\b(eyJrIjoi[A-Za-z0-9+/]{40,}={0,2})/,
  minEntropy: 3,
  confirm: (key) => /^\{"k":"[A-Za-z0-9]{16,}","n":"[^"]*","id":\d+\}$/.test(Buffer.from(key, "base64").toString("latin1")),
  sources: ["https://grafana.com/docs/grafana/latest/developers/http_api/auth/", "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/grafana.go"],
};
