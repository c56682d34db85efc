import type { FormatRule } from "../types";

// A PEM private key base64-encoded once more: how Kubernetes Secret data (`tls.key`), CI variables
// and .env files carry one. `LS0tLS1CRUdJTi` is base64 of `-----BEGIN`; the value must decode to a
// private key header with a body after it.

export const Base64PrivateKey: FormatRule = {
  id: "base64-private-key",
  description: "a private key, base64-encoded",
  keywords: ["ls0tls1crudjti"],
  pattern: /\b(LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,}={0,2})/,
  // Base64 of PEM text repeats few byte values, which the filler test takes for patterned bytes:
  // the decoded header and body are the proof instead.
  marker: true,
  confirm: (b64) => /^-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n:,-]{40}/.test(Buffer.from(b64, "base64").toString("latin1")),
  sources: ["https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets", "https://www.rfc-editor.org/rfc/rfc7468"],
};
