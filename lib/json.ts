// Reading JSON that may not be JSON: provider inputs that are sometimes encoded, secrets from a
// stack export, responses of an app under test, token segments.

/** The parsed value, or `fallback` when the text is not JSON. */
export function parseJsonOr<T>(text: string, fallback: T): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** The parsed object or list, or undefined when the text is not JSON or holds a plain value. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  const v = parseJsonOr(text, undefined);
  return v && typeof v === "object" ? (v as Record<string, unknown>) : undefined;
}

/** The value at a path of keys inside parsed JSON; undefined when a step is missing. */
export function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), doc);
}
