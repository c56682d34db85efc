// Secrets the stack generates itself (@pulumi/random), so nobody ever sees or types them.
// Alphanumeric only: they travel in environment variables and headers without escaping.

export interface GeneratedSecret {
  readonly name: string;
  readonly length: number;
  readonly description: string;
}

export const GENERATED_SECRETS: readonly GeneratedSecret[] = [
  // 64 alphanumerics: about 380 bits, above the 256 an HMAC-SHA256 key needs.
  { name: "jwt-signing-key", length: 64, description: "HMAC key that signs the API's JWTs" },
  { name: "session-signing-key", length: 64, description: "Key that signs session cookies" },
  // 32 alphanumerics: about 190 bits for CSRF token derivation.
  { name: "csrf-token-key", length: 32, description: "Key that derives CSRF tokens" },
  { name: "webhook-signing-key", length: 48, description: "Key that signs outgoing webhooks" },
];

/** Where the self-managed DKIM private key is kept, when the email component generates one. */
export const DKIM_PRIVATE_KEY_SECRET = "dkim-private-key";
