// What a name says about the value under it. A password name is proof enough for a short
// password; a secret name needs a random-looking value; a bare `*_key` needs a long random one.
// Names that say the value is public, an identifier or a setting about a secret win over all.

export type NameStrength = "password" | "secret" | "key";

// Names written as one lower-case word (jwtsecret, dbpassword, csrftoken) end in the word that
// says what they hold; these endings are split off so the word sets below can read them. "pass"
// and "key" are not among them: bypass, compass, monkey and turkey end that way too.
const COMPOUND_ENDINGS = /^([a-z0-9]{2,}?)(password|passwd|passphrase|secret|token)$/;

/** `apiKey`, `API_KEY`, `x-api-key`, `$env:ApiKey` -> ["api", "key"]; `jwtsecret` -> ["jwt", "secret"]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => COMPOUND_ENDINGS.exec(w)?.slice(1) ?? [w]);
}

const PASSWORD = new Set(["password", "passwd", "pwd", "pass", "passphrase", "passcode", "pword"]);
const SECRET = new Set(["secret", "secrets", "token", "tokens", "apikey", "apitoken", "credential", "credentials", "creds", "cred", "auth", "authorization", "authkey", "privatekey", "accesskey", "secretkey", "signingkey", "dsn", "connectionstring", "connstr", "bearer"]);
const KEY = new Set(["key", "keys"]);
// Anywhere in the name: the value is public or protects nothing on its own.
const PUBLIC_ANYWHERE = new Set(["public", "publishable", "pub", "csrf", "xsrf", "nonce", "anon", "authenticity", "verification", "requestverificationtoken"]);
// As the last word: the value is about a secret (its name, id, length, type), not the secret.
const PUBLIC_LAST = new Set([
  "name", "names", "id", "ids", "arn", "arns", "path", "file", "filename", "dir", "ref", "version", "hash", "sha", "sha1", "sha256", "digest", "checksum", "fingerprint",
  "length", "len", "size", "count", "min", "max", "ttl", "expiry", "expires", "expiration", "lifetime", "timeout", "age", "type", "kind", "header", "field", "param", "parameter",
  "algorithm", "alg", "format", "policy", "enabled", "disabled", "enable", "required", "region", "prefix", "suffix", "label", "pattern", "regex", "url", "uri", "endpoint",
  "host", "hostname", "env", "var", "location", "mode", "provider", "scope", "scopes", "rotation", "hint", "placeholder", "example", "source", "store", "method", "strategy", "secretref", "sig", "signature",
]);

/** How strongly a name says its value is a secret; undefined when it does not, or says public. */
export function nameStrength(name: string): NameStrength | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  if (words.some((w) => PUBLIC_ANYWHERE.has(w)) || PUBLIC_LAST.has(words[words.length - 1])) return undefined;
  // "pass" alone is a password only as the last word (DB_PASS), not in STENCIL_PASS_DEPTH_FAIL.
  if (words.some((w) => PASSWORD.has(w) && (w !== "pass" || w === words[words.length - 1]))) return "password";
  if (words.some((w) => SECRET.has(w))) return "secret";
  // GITHUB_PAT, AZURE_DEVOPS_PAT: a personal access token, as the last word only (not PAT_LENGTH).
  if (words[words.length - 1] === "pat" && words.length > 1) return "secret";
  // api_key, access_key, private_key, client_key: a qualified key is as telling as "secret".
  const k = words.findIndex((w) => KEY.has(w));
  if (k < 0) return undefined;
  return k > 0 && ["api", "access", "private", "signing", "secret", "client", "master", "encryption", "hmac", "jwt", "session", "app", "service", "license", "admin", "root"].includes(words[k - 1]) ? "secret" : "key";
}

/**
 * Names that pin one provider's fixed format. A value of another shape there is not that
 * credential but ciphertext, an encoding of something else or a stand-in: the encrypted AWS
 * secret of a CI file is 40 random bytes in base64, and a stream key without `live_` is not
 * Twitch's. A pinned value also counts in base64, as the key it encodes.
 */
const PINNED: ReadonlyArray<{ name: RegExp; shape: RegExp }> = [
  { name: /awssecretaccesskey$/, shape: /^[A-Za-z0-9/+]{40}$/ },
  { name: /twitchstreamkey$/, shape: /^live_\d{6,12}_[A-Za-z0-9]{30}$/ },
];

/** The format `name` pins, if it pins one. */
export function pinnedShape(name: string): RegExp | undefined {
  // Written in any case and with any separators: AWS_SECRET_ACCESS_KEY, aws.secret.access.key, awsSecretAccessKey.
  const words = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return PINNED.find((p) => p.name.test(words))?.shape;
}

/** A value in the pinned format, bare or in base64. */
export function fitsShape(shape: RegExp, value: string): boolean {
  return shape.test(value) || (/^[A-Za-z0-9+/]+={0,2}$/.test(value) && shape.test(Buffer.from(value, "base64").toString("latin1")));
}
