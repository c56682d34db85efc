import { isFiller, isPasswordPlaceholder } from "../filler";
import { entropy, type FormatRule } from "./types";

// Credentials in generic shapes: private keys, JWTs, passwords in URLs, on command lines and in
// HTTP headers. Each needs a second look (a key body after the PEM header, a JWT header that
// decodes, a password that is not a placeholder) before it counts.

/** A PEM private key needs its body: a header alone (in code that parses keys) holds nothing. */
function hasPemBody(_secret: string, text: string, end: number): boolean {
  let body = "";
  for (const raw of text.slice(end, end + 800).split(/\\r\\n|\\n|\r?\n/)) {
    // Lines may be quoted and concatenated in code: "MIIE..." +
    const line = raw.trim().replace(/^["'`+\s]+|["'`,+;\s]+$/g, "");
    if (!line || /^[A-Za-z-]+:/.test(line)) continue; // blank, or Proc-Type and DEK-Info headers
    if (!/^[A-Za-z0-9+/=]+$/.test(line)) break;
    body += line;
    if (body.length >= 64) return true;
  }
  return false;
}

function decodesToJson(part: string, mustHave: string): boolean {
  try {
    return Buffer.from(part, "base64url").toString("utf8").includes(mustHave);
  } catch {
    return false;
  }
}

const randomToken = (t: string) => t.length >= 16 && !isFiller(t) && entropy(t) >= 3 && /[0-9]/.test(t) && /[A-Za-z]/.test(t);

export const GENERIC_FORMATS: readonly FormatRule[] = [
  { id: "private-key", description: "a private key", keywords: ["private key"], pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/, marker: true, confirm: hasPemBody },
  {
    id: "jwt",
    description: "a JSON Web Token",
    keywords: ["eyj"],
    pattern: /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})/,
    // The jwt.io sample token (sub 1234567890) is documentation, as AWS's EXAMPLE keys are.
    confirm: (jwt) => decodesToJson(jwt.split(".")[0], '"alg"') && !decodesToJson(jwt.split(".")[1], '"sub":"1234567890"') && !isFiller(jwt.split(".")[2]),
  },
  {
    id: "url-with-password",
    description: "a URL with an embedded password",
    keywords: ["://"],
    // Anchored on "://" rather than the scheme, so the regex engine can skip ahead to it.
    // The user may be empty: `redis://:password@host` is how Redis and AMQP URLs carry a password alone.
    // The password may hold an @ (users paste them unencoded): the last @ before the host ends it.
    pattern: /:\/\/([^\s:/@"'`]*:[^\s/"'`]{3,})@[^\s/@"'`]+/,
    confirm: (userinfo) => {
      const [user, ...rest] = userinfo.split(":");
      return !isPasswordPlaceholder(decodeURIComponentSafe(rest.join(":")), user);
    },
  },
  {
    id: "basic-auth-header",
    description: "a Basic authorization header",
    keywords: ["basic "],
    pattern: /Authorization["']?\s*[:=,]\s*["']?Basic\s+([A-Za-z0-9+/]{12,}={0,2})/i,
    confirm: (b64) => {
      const [user, ...rest] = Buffer.from(b64, "base64").toString("utf8").split(":");
      return rest.length > 0 && !isPasswordPlaceholder(rest.join(":"), user);
    },
  },
  { id: "bearer-token", description: "a bearer token in an Authorization header", keywords: ["authorization"], pattern: /Authorization["']?\s*[:=,]\s*["']?(?:Bearer|Token)\s+([A-Za-z0-9._~+/-]{16,}=*)/i, confirm: randomToken },
  {
    id: "command-line-password",
    description: "a password on a command line (curl -u user:password)",
    keywords: ["-u ", "--user"],
    pattern: /(?:^|\s)(?:-u|--user)(?:\s+|=)["']?([^\s"':]+:[^\s"']+)/,
    confirm: (pair) => {
      const [user, ...rest] = pair.split(":");
      return !isPasswordPlaceholder(rest.join(":"), user);
    },
  },
  { id: "powershell-plaintext-password", description: "a password in ConvertTo-SecureString -AsPlainText", keywords: ["asplaintext"], pattern: /ConvertTo-SecureString\s+(?:-String\s+)?["']([^"']{4,})["']\s+-AsPlainText/i, confirm: (p) => !isPasswordPlaceholder(p) },
];

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
