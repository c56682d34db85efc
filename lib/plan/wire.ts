// The engine's wire form of property values: secrets are `{<sig>: <secret sig>, value}`, values
// not known until deploy are one sentinel string, resource references carry their URN.

export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const SHOWN_SECRET = "[secret]";
export const SHOWN_UNKNOWN = "[unknown]";

function sigOf(v: unknown): string | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? ((v as Record<string, unknown>)[SIG] as string | undefined) : undefined;
}

/** Whether a value is a secret in the engine's wire form. */
export const isSecretValue = (v: unknown): boolean => sigOf(v) === SECRET_SIG;

/** For people and reports: secrets masked, unknowns named, references as URNs. */
export function toDisplay(v: unknown): unknown {
  if (v === UNKNOWN) return SHOWN_UNKNOWN;
  const sig = sigOf(v);
  if (sig === SECRET_SIG) return SHOWN_SECRET;
  if (sig === RESOURCE_SIG) return (v as { urn: string }).urn;
  if (Array.isArray(v)) return v.map(toDisplay);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toDisplay(x)]));
  return v;
}

/** Whether any part of a value is secret. */
export function containsSecret(v: unknown): boolean {
  if (sigOf(v) === SECRET_SIG) return true;
  if (Array.isArray(v)) return v.some(containsSecret);
  if (v && typeof v === "object") return Object.values(v).some(containsSecret);
  return false;
}
