import type { NamedRule } from "../types";

// Kubernetes bootstrap tokens: a 6-character id, `.`, a 16-character secret, proof under a bootstrap or join token name.

export const KubernetesBootstrapToken: NamedRule = {
  id: "kubernetes-bootstrap-token",
  description: "a Kubernetes bootstrap token",
  name: /bootstrap.?token|join.?token|kubeadm/i,
  value: /^[a-z0-9]{6}\.[a-z0-9]{16}$/,
  minEntropy: 3,
  wordsByChance: true,
  sources: [
    "https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/",
  ],
};
