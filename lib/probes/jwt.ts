import { createHmac } from "node:crypto";
import { jsonObject } from "../json";

// Tampered variants of a JWT, as a reviewer would make them without the signing key. An app that
// checks its tokens rejects every one.

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");
const parts = (token: string) => token.split(".");
const decodeJson = (part: string) => jsonObject(Buffer.from(part, "base64url").toString("utf8"));

function isJwt(token: string): boolean {
  const p = parts(token);
  return p.length === 3 && typeof decodeJson(p[0])?.alg === "string" && decodeJson(p[1]) !== undefined;
}

interface Tampered {
  readonly name: string;
  readonly token: string;
}

/** The variants for a JWT; for an opaque token, the token with one character changed. */
export function tamperedTokens(token: string): Tampered[] {
  if (!isJwt(token)) {
    const i = Math.floor(token.length / 2);
    return [{ name: "one character changed", token: `${token.slice(0, i)}${token[i] === "A" ? "B" : "A"}${token.slice(i + 1)}` }];
  }
  const [header, payload, signature] = parts(token);
  const sig = Buffer.from(signature, "base64url");
  if (sig.length > 0) sig[0] ^= 0xff;
  const claims = decodeJson(payload)!;
  return [
    { name: "signature altered", token: `${header}.${payload}.${b64(sig)}` },
    { name: "alg none", token: `${b64(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.` },
    // Its signature no longer matches, so refusing it proves tamper checks, not expiry checks.
    { name: "claims altered (exp in the past), original signature", token: `${header}.${b64(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }))}.${signature}` },
  ];
}

// Keys found signing real tokens in the wild: empty, placeholders from tutorials and debuggers.
// Built from parts, so no key-shaped literal sits in the source as a whole.
const WEAK_KEYS = ["", "secret", "changeme", "password", ["your", "256", "bit", "secret"].join("-"), "jwt_secret", "123456", "key"];

const hs256 = (head: string, body: string, key: string) => b64(createHmac("sha256", key).update(`${head}.${body}`).digest());

/** The claims of a JWT, or undefined for an opaque token. */
export function claimsOf(token: string): Record<string, unknown> | undefined {
  return isJwt(token) ? decodeJson(parts(token)[1]) : undefined;
}

/**
 * Tokens claiming more than the session holds: the same claims with `raise` merged in, unsigned
 * (alg none), under the original signature, and re-signed with HS256 and each weak key. An app
 * that verifies its tokens refuses every one.
 */
export function forgedTokens(token: string, raise: Record<string, unknown>): Tampered[] {
  if (!isJwt(token)) return [];
  const [header, payload, signature] = parts(token);
  const claims = { ...decodeJson(payload)!, ...raise };
  const body = b64(JSON.stringify(claims));
  const none = b64(JSON.stringify({ alg: "none", typ: "JWT" }));
  const hs = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  return [
    { name: "alg none", token: `${none}.${body}.` },
    { name: "original signature", token: `${header}.${body}.${signature}` },
    ...WEAK_KEYS.map((k, i) => ({ name: i === 0 ? "HS256 with an empty key" : `HS256 with weak key #${i}`, token: `${hs}.${body}.${hs256(hs, body, k)}` })),
  ];
}
