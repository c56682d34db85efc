import type { FormatRule } from "../types";

// A Vault unseal key (a Shamir share, base64 of 33 bytes) typed on the command line:
// `vault operator unseal <key>`. With enough shares, whoever has them opens the vault.

export const VaultUnsealKey: FormatRule = {
  id: "vault-unseal-key",
  description: "a HashiCorp Vault unseal key on a command line",
  keywords: ["operator unseal"],
  pattern: /\bvault\s+operator\s+unseal\s+(?:-[\w-]+(?:=\S+)?\s+)*([A-Za-z0-9+/]{43,44}={0,2})(?![A-Za-z0-9+/=])/,
  minEntropy: 4,
  sources: ["https://developer.hashicorp.com/vault/docs/commands/operator/unseal", "https://developer.hashicorp.com/vault/docs/concepts/seal"],
};
