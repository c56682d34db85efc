import { parseJsonOr } from "../json";

// What makes one of user a's objects recognisable in someone else's response: its id, and its
// most distinctive text (a title, a name), read from a's own response. A response leaks the object
// when it holds that fingerprint, whatever its status; an empty or filtered 200 does not.

export interface Fingerprint {
  readonly id: string;
  /** A distinctive string field of the object, when it has one. Never printed. */
  readonly value?: string;
  readonly field?: string;
}

const ID_KEYS = new Set(["id", "_id", "uuid"]);

/** The object with this id in a response (the response itself, or an element of a list inside). */
function findObject(doc: unknown, id: string, depth = 0): Record<string, unknown> | undefined {
  if (!doc || typeof doc !== "object" || depth > 4) return undefined;
  if (Array.isArray(doc)) {
    for (const x of doc) {
      const hit = findObject(x, id, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  const o = doc as Record<string, unknown>;
  if ([...ID_KEYS].some((k) => o[k] !== undefined && String(o[k]) === id)) return o;
  for (const v of Object.values(o)) {
    const hit = findObject(v, id, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** A fingerprint from user a's own response; `field` names the distinctive field, else the longest text. */
export function fingerprintOf(body: string, id: string, field?: string): Fingerprint {
  const object = findObject(parseJsonOr(body, undefined), id) ?? (parseJsonOr(body, undefined) as Record<string, unknown> | undefined);
  if (!object || typeof object !== "object") return { id };
  if (field) return typeof object[field] === "string" && object[field] ? { id, value: object[field] as string, field } : { id };
  const texts = Object.entries(object).filter((e): e is [string, string] => typeof e[1] === "string" && !ID_KEYS.has(e[0]) && e[1].length >= 6);
  const best = texts.sort((x, y) => y[1].length - x[1].length)[0];
  return best ? { id, value: best[1], field: best[0] } : { id };
}

/** Whether a response holds the object: its distinctive text, or an object carrying its id. */
export function holds(body: string, fp: Fingerprint): boolean {
  if (fp.value && (body.includes(fp.value) || body.includes(JSON.stringify(fp.value).slice(1, -1)))) return true;
  return findObject(parseJsonOr(body, undefined), fp.id) !== undefined;
}
