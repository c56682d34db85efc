import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

// HMAC secrets that signed real tokens: wallarm/jwt-secrets (MIT licence, commit 99e2360), 103,979
// keys gathered from tutorials, framework defaults and leaked configurations. Stored gzipped, so
// no key sits in the repository as text; see lib/probes/data/NOTICE.md. Trying them all is
// offline work on one token (no request), a few hundred milliseconds.

const LIST = join(__dirname, "data", "jwt-secrets.list.gz");
const DIGEST: Record<string, string> = { HS256: "sha256", HS384: "sha384", HS512: "sha512" };

let cached: string[] | undefined;
/** The list, in its published order (index 0 is the empty key, which the list opens with). */
export function weakSecrets(): string[] {
  cached ??= gunzipSync(readFileSync(LIST)).toString("utf8").split(/\r?\n/).filter((line, i, all) => i < all.length - 1 || line !== "");
  return cached;
}

export interface CrackedKey {
  /** The key's line in the list, counted from 0. */
  readonly index: number;
  /** The first 12 hex digits of its SHA-256: enough to compare, never the key. */
  readonly sha256: string;
}

const keyId = (index: number, key: string): CrackedKey => ({ index, sha256: createHash("sha256").update(key).digest("hex").slice(0, 12) });

/** The listed key that signed this HS256/384/512 JWT, if any; undefined for other algorithms. */
export function crackHmac(token: string): CrackedKey | undefined {
  const [head, body, sig] = token.split(".");
  const alg = (() => {
    try {
      return JSON.parse(Buffer.from(head, "base64url").toString("utf8")).alg as string;
    } catch {
      return undefined;
    }
  })();
  const digest = alg && DIGEST[alg];
  if (!digest || !sig) return undefined;
  const want = Buffer.from(sig, "base64url");
  const data = `${head}.${body}`;
  const keys = weakSecrets();
  for (let i = 0; i < keys.length; i++) {
    const got = createHmac(digest, keys[i]).update(data).digest();
    if (got.length === want.length && timingSafeEqual(got, want)) return keyId(i, keys[i]);
  }
  return undefined;
}
