import { parseJsonOr } from "../json";

// What makes user a's view recognisable in someone else's response, whatever its shape: an
// object, a list, a paginated envelope ({data, next}), JSON:API, HAL or GraphQL ({data: {...}}).
// The fingerprint is the set of a's distinct values (ids, e-mails, long texts, array items), less
// what user b legitimately sees itself and what b sent. A response leaks when it holds any of the
// rest, whatever its status; an empty or filtered 200 does not.

export interface Fingerprint {
  readonly id: string;
  /** a's distinct values that b has no business seeing. Never printed. */
  readonly values: ReadonlySet<string>;
  /** The field named in the probe file (objects[].fingerprint), when its value is among them. */
  readonly field?: string;
  /** Whether a's view holds an object carrying the id (the rule when no value is distinctive). */
  readonly idObject: boolean;
}

const ID_KEY = /^(id|_id|uuid|guid)$|[a-z](Id|_id|Uuid|_uuid)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_TIME = /^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/;
const MAX_DEPTH = 12;

/**
 * Whether a string tells one user's data from another's. Single lower-case words ("published",
 * "member") are enumerations every user sees; timestamps change per response.
 */
function distinctive(s: string): boolean {
  if (EMAIL.test(s)) return true;
  if (s.length < 8 || ISO_TIME.test(s)) return false;
  return !/^[a-z_]+$/.test(s);
}

/** Every distinct value in a JSON document; undefined when the body is not JSON. */
export function distinctValues(body: string): Set<string> | undefined {
  const doc = parseJsonOr<unknown>(body, undefined);
  if (doc === undefined) return undefined;
  const out = new Set<string>();
  const walk = (v: unknown, key: string, depth: number, inArray: boolean) => {
    if (depth > MAX_DEPTH || v === null || v === undefined) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key, depth + 1, true));
    if (typeof v === "object") return Object.entries(v as Record<string, unknown>).forEach(([k, x]) => walk(x, k, depth + 1, false));
    const s = String(v);
    // An id counts whatever its length; so does a text item of a list (a tag, a member's name).
    if ((ID_KEY.test(key) && (typeof v === "string" || typeof v === "number") && s.length > 0) || (inArray && typeof v === "string" && s.length >= 4) || (typeof v === "string" && distinctive(s))) out.add(s);
  };
  walk(doc, "", 0, false);
  return out;
}

/** The object with this id in a response (the response itself, or one nested inside). */
function findObject(doc: unknown, id: string, depth = 0): Record<string, unknown> | undefined {
  if (!doc || typeof doc !== "object" || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(doc)) {
    for (const x of doc) {
      const hit = findObject(x, id, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  const o = doc as Record<string, unknown>;
  if (["id", "_id", "uuid"].some((k) => o[k] !== undefined && String(o[k]) === id)) return o;
  for (const v of Object.values(o)) {
    const hit = findObject(v, id, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

export interface FingerprintOptions {
  /** The field of a's object whose text identifies it (objects[].fingerprint). */
  readonly field?: string;
  /** Values user b sees in its own views, or sent itself: never evidence of a leak. */
  readonly exclude?: Iterable<string>;
}

/**
 * a's fingerprint from its own response. The id a asked for is kept only when nothing else is
 * distinctive, since b sends it too and an error may echo it: then only an object carrying that
 * id counts (see holds).
 */
export function fingerprintOf(body: string, id: string, opts: FingerprintOptions = {}): Fingerprint {
  const exclude = new Set(opts.exclude ?? []);
  const values = new Set([...(distinctValues(body) ?? [])].filter((v) => v !== id && !exclude.has(v)));
  const named = opts.field ? findObject(parseJsonOr(body, undefined), id)?.[opts.field] : undefined;
  if (typeof named === "string" && named && !exclude.has(named)) values.add(named);
  const idObject = findObject(parseJsonOr(body, undefined), id) !== undefined;
  return { id, values, idObject, field: typeof named === "string" && values.has(named) ? opts.field : undefined };
}

/** Whether a's view gave anything to recognise: false for an empty list or an error body. */
export const recognisable = (fp: Fingerprint) => fp.values.size > 0 || fp.idObject;

/** Whether a response holds a's view: one of its distinct values, or (with none) an object carrying its id. */
export function holds(body: string, fp: Fingerprint): boolean {
  const seen = distinctValues(body);
  if (!seen) return [...fp.values].some((v) => v.length >= 8 && (body.includes(v) || body.includes(JSON.stringify(v).slice(1, -1))));
  for (const v of fp.values) if (seen.has(v)) return true;
  return fp.values.size === 0 && fp.idObject && findObject(parseJsonOr(body, undefined), fp.id) !== undefined;
}

/** Which of a's values a response holds (how many, for evidence; the values are never printed). */
export const heldCount = (body: string, fp: Fingerprint) => {
  const seen = distinctValues(body);
  return seen ? [...fp.values].filter((v) => seen.has(v)).length : [...fp.values].filter((v) => body.includes(v)).length;
};
