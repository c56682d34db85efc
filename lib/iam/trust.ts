import { coversAction, list, parsePolicyDocument, wildcardMatch, type PolicyDocument, type Statement } from "./policy-document";

// Would STS let this caller assume the role? The trust policy evaluated as IAM evaluates it:
// an explicit Deny wins, else some Allow must match principal, action and every condition.
// Conditions: operators AND, keys AND, values OR; String(Not)Equals(IgnoreCase), String(Not)Like
// with * and ?, Bool, Null, the IfExists suffix, and ForAnyValue/ForAllValues on multi-valued keys.

/** What a caller presents: who (a federated provider, an AWS principal, a service), and its claims. */
export interface Caller {
  readonly action: "sts:AssumeRoleWithWebIdentity" | "sts:AssumeRole" | string;
  /** Principal type to value, e.g. { Federated: "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com" }. */
  readonly principal: Readonly<Record<string, string>>;
  /** Condition context keys (lower-cased on lookup, as IAM's keys are case-insensitive). */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

export interface TrustDecision {
  readonly allowed: boolean;
  /** The statement that decided (its Sid, or its position), when one did. */
  readonly by?: string;
}

const contextValue = (ctx: Caller["context"], key: string): readonly string[] | undefined => {
  const k = Object.keys(ctx).find((x) => x.toLowerCase() === key.toLowerCase());
  if (k === undefined) return undefined;
  const v = ctx[k]!;
  return typeof v === "string" ? [v] : v;
};

type Test = (actual: string, expected: string) => boolean;
const TESTS: Record<string, Test> = {
  StringEquals: (a, e) => a === e,
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringLike: (a, e) => wildcardMatch(e, a),
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
  ArnEquals: (a, e) => wildcardMatch(e, a),
  ArnLike: (a, e) => wildcardMatch(e, a),
};
const NEGATED: Record<string, string> = { StringNotEquals: "StringEquals", StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase", StringNotLike: "StringLike", ArnNotEquals: "ArnEquals", ArnNotLike: "ArnLike" };

/** One operator on one key; an operator this evaluator does not know never grants access. */
function conditionHolds(operator: string, key: string, expected: readonly string[], ctx: Caller["context"]): boolean {
  let op = operator;
  let set: "any" | "all" | undefined;
  if (op.startsWith("ForAnyValue:")) [set, op] = ["any", op.slice("ForAnyValue:".length)];
  else if (op.startsWith("ForAllValues:")) [set, op] = ["all", op.slice("ForAllValues:".length)];
  const ifExists = op.endsWith("IfExists");
  if (ifExists) op = op.slice(0, -"IfExists".length);
  const actual = contextValue(ctx, key);
  if (op === "Null") return expected.some((e) => (e.toLowerCase() === "true") === (actual === undefined));
  const negated = op in NEGATED;
  const test = TESTS[negated ? NEGATED[op]! : op];
  if (!test) return false;
  if (actual === undefined) return ifExists || negated || set === "all";
  const matches = (a: string) => expected.some((e) => test(a, e));
  if (set === "all") return actual.every((a) => (negated ? !matches(a) : matches(a)));
  // Single-valued keys and ForAnyValue: some value matches (a negated operator: none does).
  return negated ? !actual.some(matches) : actual.some(matches);
}

function principalMatches(s: Statement, caller: Caller): boolean {
  if (s.Principal === "*") return true;
  if (!s.Principal) return false;
  return Object.entries(caller.principal).some(([kind, value]) => list(s.Principal === "*" ? "*" : s.Principal![kind]).some((p) => p === "*" || wildcardMatch(p, value)));
}

function statementMatches(s: Statement, caller: Caller): boolean {
  if (!coversAction(s, caller.action) || !principalMatches(s, caller)) return false;
  return Object.entries(s.Condition ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, v]) => conditionHolds(operator, key, list(v).map(String), caller.context)));
}

export function evaluateTrust(policy: PolicyDocument | string, caller: Caller): TrustDecision {
  const doc = typeof policy === "string" ? parsePolicyDocument(policy) : policy;
  if (!doc) return { allowed: false };
  const named = (s: Statement, i: number) => s.Sid ?? `statement ${i + 1}`;
  const deny = doc.Statement.findIndex((s) => s.Effect === "Deny" && statementMatches(s, caller));
  if (deny >= 0) return { allowed: false, by: named(doc.Statement[deny]!, deny) };
  const allow = doc.Statement.findIndex((s) => s.Effect === "Allow" && statementMatches(s, caller));
  return allow >= 0 ? { allowed: true, by: named(doc.Statement[allow]!, allow) } : { allowed: false };
}
