import type { NamedRule } from "../types";

// HashiCorp Vault tokens before 1.10: `s.` (service), `b.` (batch) or `r.` (recovery) and 24 characters
// or more (Vault documents the length as not fixed; a namespaced token ends in `.` and the namespace
// id), proof under a Vault name.

export const VaultLegacyToken: NamedRule = {
  id: "vault-legacy-token",
  description: "a HashiCorp Vault token",
  name: /vault/i,
  value: /^[sbr]\.[A-Za-z0-9]{24,}(?:\.[A-Za-z0-9]{5})?$/,
  minEntropy: 3,
  sources: [
    "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
  ],
};
