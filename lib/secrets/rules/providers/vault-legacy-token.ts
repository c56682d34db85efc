import type { NamedRule } from "../types";

// HashiCorp Vault tokens before 1.10: `s.` (service), `b.` (batch) or `r.` (recovery) and 24 characters, proof under a Vault name.

export const VaultLegacyToken: NamedRule = {
  id: "vault-legacy-token",
  description: "a HashiCorp Vault token",
  name: /vault/i,
  value: /^[sbr]\.[A-Za-z0-9]{24}$/,
  minEntropy: 3,
  sources: [
    "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
  ],
};
