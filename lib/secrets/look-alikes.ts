import { isFiller, isStandIn } from "./filler";
import { isRandomPrintable, randomFloor } from "./random-draws";
import { entropy } from "./rules/types";
import { inSpokenWords, inWords, isWordy } from "./words";

export { isWordy, randomFloor };

// Values in a credential's place that are not credentials: identifiers, public material, code,
// names made of words, text in base64, and what stands in for a deployed password. The detector
// asks these before it reports a value found by its name.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const HEX = /^(?:0x)?[0-9a-f]+$/i;

/** Code on the right of a name: Other.secret_length, state?.password, getToken(, `${...}`. */
function isCode(v: string): boolean {
  // The whole value a member chain, perhaps a ternary's test (`P.supportsImmutableAssets?`): a
  // dotted token (`abc.Def9-x`) only starts like one. (Taking long dotted runs of random
  // segments for tokens found one more held-out credential and flagged one more look-alike.)
  // Or a member assigned inside it, as minified code runs on: `y:s.username+=y`.
  return /^[A-Za-z_$][\w$]*(?:(?:\?\.|!\.|\.)[A-Za-z_$][\w$]*)+[?!]?$/.test(v) || /[()[\]]|\$\{|\?\.|^[!?&|]|[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*[-+*/|&]?=/.test(v);
}

/** Base64 that decodes to readable text with spaces is a sentence, not a key. */
function isEncodedText(v: string): boolean {
  if (!/^[A-Za-z0-9+/]{12,}={0,2}$/.test(v) || v.length % 4 !== 0) return false;
  const text = Buffer.from(v, "base64").toString("latin1");
  return / /.test(text) && /^[\x20-\x7e]+$/.test(text);
}

/**
 * Drawn by a generator, not written, though it holds brackets or parentheses (Django's
 * get_random_secret_key() puts one in nine keys of ten): 40 characters or more, no space, 4.5
 * bits a character or more, not half words, and no regular-expression syntax, member access or
 * operator of code. Code repeats its letters and quotes: expressions that long come to 3.6 to 4.6
 * bits, and the ones near the top are names (makeGetter(API_BACKWARDS_COMPATIBILITY), call methods
 * on names (Buffer.from, process.env) or join their calls with || or &&.
 */
function isGenerated(v: string): boolean {
  return v.length >= 40 && !/\s/.test(v) && !/[A-Za-z0-9]-[A-Za-z0-9]\]|\{\d+,?\d*\}|\(\?[:=!<]|\\[dwsbDWS]|\|\||&&|[A-Za-z]{3,}\.[A-Za-z]{3,}/.test(v) && entropy(v) >= 4.5 && inSpokenWords(v) < 0.5 * v.length;
}


/**
 * A lower-case run of letters and digits too long and too mixed to be a name: a base32, base36 or
 * hex key of twelve characters or more (IPinfo's are 14 hex digits), perhaps after a prefix or in
 * dashed groups (live_…, gitter's, rapidapi's). A name in groups has no random group of twelve
 * characters; one made of words is wordy.
 */
function isRandomRun(v: string): boolean {
  if (v.length < 12 || !/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(v) || !/\d/.test(v) || !/[a-z]/.test(v)) return false;
  const groups = v.split(/[-_.]/);
  const longest = groups.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length >= 12 && /\d/.test(longest) && entropy(longest) >= randomFloor(longest.length, /^[0-9a-f]+$/.test(longest)) && !isWordy(v) && !isWordy(longest)) return true;
  // Short random groups (hex in 4-4-6-6-8, base36 in tens): the groups together, with words of six
  // letters or more (the ones letter pairs can judge) under 30% of them. Names in groups hold
  // such words: release-2026-11-03-build7 is a third "release"; random base36 rarely.
  const joined = groups.join("");
  return groups.length >= 3 && joined.length >= 20 && /\d/.test(joined) && entropy(joined) >= randomFloor(joined.length, /^[0-9a-f]+$/.test(joined)) && groups.reduce((n, g) => n + inWords(g, 6), 0) < 0.3 * joined.length;
}

/**
 * Random letters in both cases, no digit: a base62 key that drew none, as one in sixteen of 16
 * characters does. Names in camelCase change case once a word; random letters at every other
 * letter, so a third of the neighbours differing in case tells them apart, with words refused.
 */
export function isMixedCaseRandom(v: string, min: number): boolean {
  if (v.length < min || !/^[A-Za-z]+$/.test(v) || !/[a-z]/.test(v) || !/[A-Z]/.test(v) || isWordy(v)) return false;
  let changes = 0;
  for (let i = 1; i < v.length; i++) if ((v[i]! < "a") !== (v[i - 1]! < "a")) changes++;
  return changes >= 0.35 * (v.length - 1) && entropy(v) >= randomFloor(v.length, false);
}

/** Identifiers, public material and code: never secrets (a lower-case word with digits may be a password). */
export function isLookAlike(v: string, password = false): boolean {
  return (
    isFiller(v) ||
    /^(?:true|false|none|null|nil|undefined|yes|no|on|off|required|optional)$/i.test(v) ||
    /^arn:aws[a-z-]*:/.test(v) ||
    /^(?:sha(?:1|256|512)|md5):/i.test(v) ||
    /^[\d.:_-]+$/.test(v) || // numbers, versions, times
    /^0x[0-9a-f]{1,16}$/i.test(v) || // a numeric literal
    (/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(v) && !(password && /^[a-z0-9]+$/.test(v) && /\d/.test(v) && /[a-z]/.test(v)) && !isRandomRun(v)) || // kebab, snake or dotted names
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) || // another variable's name
    /^(?:\.{0,2}\/|~\/)[\w./-]*$/.test(v) || // paths
    /^[A-Za-z][\w+.-]*:\/\/[^\s@]*$/.test(v) || // URLs without credentials
    (isCode(v) && !isGenerated(v) && !isRandomPrintable(v)) ||
    (!password && isWordy(v)) ||
    isEncodedText(v) ||
    /\\[nrt]/.test(v) || // escaped line breaks: a fragment of text or code, not one value
    /^\d{4}-\d\d-\d\dT[\d:.]+Z?$/.test(v) || // a timestamp
    /^(?:ENC\[|\$ANSIBLE_VAULT|!vault|vault:|AQICA)/.test(v) || // encrypted at rest (sops, Ansible, KMS)
    /(^|;)\s*v=DKIM1\b/.test(v) ||
    /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+) AAAA/.test(v) ||
    /-----BEGIN (?:PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY)-----/.test(v) ||
    /^pk_(?:live|test)_/.test(v) ||
    /\.apps\.googleusercontent\.com$/.test(v) ||
    /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v) // an email address
  );
}

/**
 * A password in deployed configuration, however weak: what documentation writes (admin123,
 * changeme, postgres) refused in free text is, in a task's environment or a stack's plain config,
 * the password that service runs with, or a placeholder that went to production. Left out: what
 * stands in for a value (a template, a variable, a mask), says there is none, is encrypted at rest,
 * points to a secret store, a store's entry by name or a file, or is code.
 */
export function isDeployedPassword(v: string): boolean {
  return (
    v.length >= 4 &&
    !isStandIn(v) &&
    !/^(?:true|false|none|null|nil|undefined|yes|no|on|off|required|optional|empty|unset|disabled)$/i.test(v) &&
    !/^(?:ENC\[|\$ANSIBLE_VAULT|!vault|vault:|AQICA)/.test(v) &&
    !/^(?:arn:aws[a-z-]*:|ssm:|secretsmanager:|op:\/\/|projects\/[^/]+\/secrets\/)/.test(v) &&
    !(v.includes("/") && /^[~.]{0,2}\/?[\w.-]+(?:\/[\w.-]+)*\/?$/.test(v)) && // a path, or a store's entry (prod/db-password)
    !/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(v) && // a name (smtp-password), as a secret store's entries have
    !isCode(v)
  );
}

