// IAM policy documents as AWS reads them: one statement or a list, one value or a list wherever
// the grammar allows either. Documents reach the gate as JSON strings (provider inputs) or objects.

export type OneOrMany<T> = T | T[];

export interface Statement {
  readonly Sid?: string;
  readonly Effect?: "Allow" | "Deny" | string;
  readonly Principal?: "*" | Record<string, OneOrMany<string>>;
  readonly NotPrincipal?: "*" | Record<string, OneOrMany<string>>;
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: Record<string, Record<string, OneOrMany<string | boolean | number>>>;
}

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: Statement[];
}

export const list = <T>(v: OneOrMany<T> | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The document, or undefined when the value is not one (unknown until deploy, or malformed). */
export function parsePolicyDocument(value: unknown): PolicyDocument | undefined {
  let doc: unknown = value;
  if (typeof value === "string") {
    try {
      doc = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!doc || typeof doc !== "object" || !("Statement" in doc)) return undefined;
  return { ...(doc as PolicyDocument), Statement: list((doc as { Statement: OneOrMany<Statement> }).Statement) };
}

/** IAM's wildcard match: `*` any run of characters, `?` one; case-sensitive unless told. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, ignoreCase ? "is" : "s");
  return re.test(value);
}

/** Whether a statement's Action (or NotAction) covers the action; IAM actions ignore case. */
export function coversAction(s: Statement, action: string): boolean {
  if (s.NotAction !== undefined) return !list(s.NotAction).some((a) => wildcardMatch(a, action, true));
  return list(s.Action).some((a) => wildcardMatch(a, action, true));
}
