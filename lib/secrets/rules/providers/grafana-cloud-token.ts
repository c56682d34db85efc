import type { FormatRule } from "../types";

// Grafana Cloud access policy tokens: `glc_` and a base64 body.

export const GrafanaCloudToken: FormatRule = {
  id: "grafana-cloud-token",
  description: "a Grafana Cloud access policy token",
  keywords: ["glc_"],
  pattern: /\b(glc_[A-Za-z0-9+/]{32,400}={0,3})/,
  minEntropy: 3,
  sources: [
    "https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/",
  ],
};
