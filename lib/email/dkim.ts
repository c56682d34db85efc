import { createPublicKey } from "node:crypto";

// DKIM key records (RFC 6376 3.6.1). A DKIM record holds a public key: it is not a secret.

export const MIN_DKIM_BITS = 2048;

export interface DkimKeyRecord {
  readonly tags: ReadonlyMap<string, string>;
  /** The base64 public key (p=), spaces removed. Empty means the key was revoked. */
  readonly publicKey: string;
  readonly bits?: number;
}

export function isDkimKeyRecord(value: string): boolean {
  return /(^|;)\s*p=/.test(value) && (/^\s*v=DKIM1\s*(;|$)/.test(value) || !/^\s*v=/.test(value)) && /(^|;)\s*(k|p)=/.test(value);
}

/** Bits of an RSA key given as base64 SubjectPublicKeyInfo (what `p=` holds), or undefined. */
export function rsaKeyBits(base64: string): number | undefined {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "rsa" ? key.asymmetricKeyDetails?.modulusLength : undefined;
  } catch {
    return undefined;
  }
}

export function parseDkimKey(value: string): { record?: DkimKeyRecord; errors: string[] } {
  const tags = new Map<string, string>();
  for (const part of value.split(";").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]+)\s*=\s*(.*)$/i.exec(part);
    if (!m) return { errors: [`"${part}" is not a tag=value pair`] };
    tags.set(m[1].toLowerCase(), m[2].replace(/\s+/g, ""));
  }
  const errors: string[] = [];
  if (tags.has("v") && tags.get("v") !== "DKIM1") errors.push(`v=${tags.get("v")} must be DKIM1`);
  const k = tags.get("k") ?? "rsa";
  const publicKey = tags.get("p");
  if (publicKey === undefined) errors.push('the required tag "p" is missing');
  let bits: number | undefined;
  if (publicKey && k === "rsa") {
    bits = rsaKeyBits(publicKey);
    if (bits === undefined) errors.push("p= is not a valid RSA public key");
    else if (bits < MIN_DKIM_BITS) errors.push(`the RSA key has ${bits} bits; at least ${MIN_DKIM_BITS} are required`);
  }
  return errors.length ? { errors } : { record: { tags, publicKey: publicKey ?? "", bits }, errors };
}

/** The DKIM TXT value for an RSA public key in PEM (what @pulumi/tls and openssl produce). */
export function dkimRecordFromPem(publicKeyPem: string): string {
  const body = publicKeyPem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
  return `v=DKIM1; k=rsa; p=${body}`;
}
