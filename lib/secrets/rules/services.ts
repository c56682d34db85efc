import type { FormatRule } from "./types";

// Other services a product commonly wires in: AI APIs, secret managers, developer tools.

export const SERVICE_FORMATS: readonly FormatRule[] = [
  { id: "anthropic-api-key", description: "an Anthropic API key", keywords: ["sk-ant-"], pattern: /\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,})(?![A-Za-z0-9_-])/, minEntropy: 3 },
  { id: "huggingface-token", description: "a Hugging Face access token", keywords: ["hf_", "api_org_"], pattern: /\b(hf_[A-Za-z]{34,40}|api_org_[A-Za-z]{34})\b/, minEntropy: 3 },
  { id: "vault-token", description: "a HashiCorp Vault token", keywords: ["hvs.", "hvb."], pattern: /\b(hv[sb]\.[A-Za-z0-9_-]{24,})(?![A-Za-z0-9_-])/, minEntropy: 3 },
  { id: "doppler-token", description: "a Doppler token", keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."], pattern: /\b(dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})\b/, minEntropy: 3 },
  { id: "postman-api-key", description: "a Postman API key", keywords: ["pmak-"], pattern: /\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b/, minEntropy: 3 },
  { id: "atlassian-api-token", description: "an Atlassian API token", keywords: ["atatt3"], pattern: /\b(ATATT3[A-Za-z0-9_=-]{180,200})(?![A-Za-z0-9_=-])/, minEntropy: 3 },
  { id: "linear-api-key", description: "a Linear API key", keywords: ["lin_api_"], pattern: /\b(lin_api_[A-Za-z0-9]{40})\b/, minEntropy: 3 },
  { id: "grafana-service-token", description: "a Grafana service account token", keywords: ["glsa_"], pattern: /\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b/, minEntropy: 3 },
  { id: "sentry-auth-token", description: "a Sentry auth token", keywords: ["sntrys_", "sntryu_"], pattern: /\b(sntrys_eyJ[A-Za-z0-9+/=_-]{60,}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9+/=_-])/, minEntropy: 3 },
  { id: "databricks-token", description: "a Databricks access token", keywords: ["dapi"], pattern: /\b(dapi[a-f0-9]{32}(?:-\d)?)\b/, minEntropy: 3 },
  { id: "newrelic-api-key", description: "a New Relic user API key", keywords: ["nrak-"], pattern: /\b(NRAK-[A-Z0-9]{27})\b/, minEntropy: 3 },
  { id: "age-secret-key", description: "an age encryption secret key", keywords: ["age-secret-key-1"], pattern: /\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b/, minEntropy: 3 },
];
