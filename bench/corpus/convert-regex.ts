// Go's RE2 (gitleaks) and Rust's regex crate (Nosey Parker) into a JavaScript RegExp on Node 20,
// whose V8 has no inline modifier groups. Used when the corpus and the gitleaks rules are ported
// as data, so the bench runs their own patterns. What JavaScript cannot say exactly is widened,
// never narrowed: a `(?-i:…)` inside a case-insensitive pattern matches both cases here.

const POSIX: Record<string, string> = { alnum: "a-zA-Z0-9", alpha: "a-zA-Z", digit: "0-9", xdigit: "0-9A-Fa-f", upper: "A-Z", lower: "a-z", space: "\\s", word: "\\w", punct: "!-\\/:-@\\[-`{-~" };

/** Strips the whitespace and `#` comments of an `(?x)` pattern, outside classes and escapes. */
function unverbose(p: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "\\") {
      out += c + (p[i + 1] ?? "");
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
      out += c;
    } else if (c === "[") {
      inClass = true;
      out += c;
      if (p[i + 1] === "^") (out += "^"), i++;
      if (p[i + 1] === "]") (out += "\\]"), i++;
    } else if (c === "#") {
      while (i < p.length && p[i] !== "\n") i++;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/** Letters made case-free by hand: `a` → `[aA]`, and both cases inside a class. */
function caseFree(p: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "\\") {
      // \p{…} and \x.. keep their letters.
      const m = /^(?:p\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/s.exec(p.slice(i + 1))!;
      out += c + m[0];
      i += m[0].length;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === "]") {
      inClass = false;
      out += c;
    } else if (/[a-zA-Z]/.test(c)) {
      const lo = c.toLowerCase();
      const up = c.toUpperCase();
      // A range inside a class (a-f) gets its other case appended at the class's end below.
      if (inClass) out += c;
      else out += `[${lo}${up}]`;
    } else out += c;
  }
  // Class ranges: add the other case of every a-z style range.
  return out.replace(/\[((?:\\.|[^\]\\])*)\]/g, (whole, body: string) => {
    if (!/[a-zA-Z]/.test(body.replace(/\\./g, ""))) return whole;
    const extra = [...body.matchAll(/(?<!\\)([a-zA-Z])-([a-zA-Z])|(?<![\\-])([a-zA-Z])(?!-)/g)]
      .map((m) => (m[1] ? `${swap(m[1])}-${swap(m[2]!)}` : swap(m[3]!)))
      .join("");
    return `[${body}${extra}]`;
  });
}
const swap = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

/** Finds the group that opens at `open` and returns the index of its closing parenthesis. */
function closing(p: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return p.length;
}

const lastScoped = (p: string) => {
  let at = -1;
  for (const m of p.matchAll(/\(\?-?[ims]+:/g)) if (p[m.index - 1] !== "\\") at = m.index;
  return at;
};

export interface Converted {
  readonly source: string;
  readonly flags: string;
}

/** The pattern as JavaScript source and flags, or an Error naming what could not be said. */
export function convertRegex(pattern: string): Converted | Error {
  let p = pattern;
  let flags = "";
  // Leading flag groups apply to the whole pattern.
  for (let m = /^\(\?([imsx]+)\)/.exec(p); m; m = /^\(\?([imsx]+)\)/.exec(p)) {
    if (m[1]!.includes("x")) p = unverbose(p.slice(m[0].length));
    else p = p.slice(m[0].length);
    for (const f of m[1]!.replace("x", "")) if (!flags.includes(f)) flags += f;
  }
  p = p.replace(/\(\?x\)/g, "");
  // A flag group later in the pattern applies to the rest: widen to the whole pattern.
  p = p.replace(/\(\?([ims]+)\)/g, (_, f: string) => {
    for (const c of f) if (!flags.includes(c)) flags += c;
    return "";
  });
  p = p.replace(/\(\?P</g, "(?<").replace(/\\z/g, "$").replace(/\\A/g, "^").replace(/\[:(\w+):\]/g, (w, n: string) => POSIX[n] ?? w);
  // Scoped flag groups, the rightmost first: it holds no other, so groups are undone inside out.
  for (let at = lastScoped(p); at >= 0; at = lastScoped(p)) {
    const head = /^\(\?(-?)([ims]+):/.exec(p.slice(at))!;
    const end = closing(p, at);
    let body = p.slice(at + head[0].length, end);
    if (head[2]!.includes("s")) body = body.replace(/(?<!\\)\./g, "[\\s\\S]");
    if (head[2]!.includes("i") && !head[1] && !flags.includes("i")) body = caseFree(body);
    p = `${p.slice(0, at)}(?:${body})${p.slice(end + 1)}`;
  }
  for (const f of [flags, `${flags}u`]) {
    try {
      new RegExp(p, f);
      return { source: p, flags: f };
    } catch (e) {
      if (f.endsWith("u")) return new Error(`${(e as Error).message}`);
    }
  }
  return new Error("unreachable");
}
