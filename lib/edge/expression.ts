// A parser and evaluator for the subset of Cloudflare's Rules language this project writes and
// checks: fields, string literals, `eq`, `ne`, `in {…}`, `starts_with`, `ends_with`, `and`, `or`,
// `not` and parentheses.
// Tests and policies use it to check what a rule matches by meaning, not by string comparison.

export type Expr =
  | { readonly op: "and" | "or"; readonly left: Expr; readonly right: Expr }
  | { readonly op: "not"; readonly expr: Expr }
  | { readonly op: "eq" | "ne"; readonly field: string; readonly value: string }
  | { readonly op: "in"; readonly field: string; readonly values: readonly string[] }
  | { readonly op: "starts_with" | "ends_with"; readonly field: string; readonly value: string }
  | { readonly op: "true" };

export type Request = Readonly<Record<string, string>>;

const TOKEN = /\s*(\(|\)|\{|\}|,|"(?:[^"\\]|\\.)*"|[A-Za-z_][\w.]*|&&|\|\||==|!=)/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`unexpected input at ${at}: ${JSON.stringify(src.slice(at, at + 20))}`);
    tokens.push(m[1]);
  }
  return tokens;
}

export function parseExpression(src: string): Expr {
  const t = tokenize(src);
  let i = 0;
  const peek = () => t[i];
  const take = (expected?: string) => {
    const tok = t[i++];
    if (tok === undefined || (expected && tok !== expected)) throw new Error(`expected ${expected ?? "a token"}, found ${tok ?? "the end"}`);
    return tok;
  };
  const string = () => {
    const tok = take();
    if (!tok.startsWith('"')) throw new Error(`expected a string, found ${tok}`);
    return JSON.parse(tok) as string;
  };
  const primary = (): Expr => {
    const tok = peek();
    if (tok === "(") {
      take("(");
      const e = or();
      take(")");
      return e;
    }
    if (tok === "not" || tok === "!") {
      take();
      return { op: "not", expr: primary() };
    }
    if (tok === "true") {
      take();
      return { op: "true" };
    }
    if (tok === "starts_with" || tok === "ends_with") {
      take();
      take("(");
      const field = take();
      take(",");
      const value = string();
      take(")");
      return { op: tok, field, value };
    }
    const field = take();
    if (!/^[a-z_][\w.]*$/.test(field)) throw new Error(`expected a field, found ${field}`);
    const op = take();
    if (op === "eq" || op === "==") return { op: "eq", field, value: string() };
    if (op === "ne" || op === "!=") return { op: "ne", field, value: string() };
    if (op === "in") {
      take("{");
      const values: string[] = [];
      while (peek() !== "}") values.push(string());
      take("}");
      return { op: "in", field, values };
    }
    throw new Error(`unsupported operator ${op}`);
  };
  const and = (): Expr => {
    let left = primary();
    while (peek() === "and" || peek() === "&&") {
      take();
      left = { op: "and", left, right: primary() };
    }
    return left;
  };
  const or = (): Expr => {
    let left = and();
    while (peek() === "or" || peek() === "||") {
      take();
      left = { op: "or", left, right: and() };
    }
    return left;
  };
  const e = or();
  if (i !== t.length) throw new Error(`unexpected ${t[i]} after a complete expression`);
  return e;
}

export function matches(e: Expr, req: Request): boolean {
  switch (e.op) {
    case "and":
      return matches(e.left, req) && matches(e.right, req);
    case "or":
      return matches(e.left, req) || matches(e.right, req);
    case "not":
      return !matches(e.expr, req);
    case "eq":
      return req[e.field] === e.value;
    case "ne":
      return req[e.field] !== e.value;
    case "in":
      return e.values.includes(req[e.field]);
    case "starts_with":
      return (req[e.field] ?? "").startsWith(e.value);
    case "ends_with":
      return (req[e.field] ?? "").endsWith(e.value);
    case "true":
      return true;
  }
}

/** Every string an expression compares a field with, e.g. the hosts of `http.host in {…}`. */
export function valuesOf(e: Expr, field: string): string[] {
  switch (e.op) {
    case "and":
    case "or":
      return [...valuesOf(e.left, field), ...valuesOf(e.right, field)];
    case "not":
      return valuesOf(e.expr, field);
    case "eq":
    case "ne":
    case "starts_with":
    case "ends_with":
      return e.field === field ? [e.value] : [];
    case "in":
      return e.field === field ? [...e.values] : [];
    case "true":
      return [];
  }
}
