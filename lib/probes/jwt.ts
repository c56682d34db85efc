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
