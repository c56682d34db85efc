import { nameStrength } from "./names";

// Where a name and a value meet in text, in the syntaxes secrets are written in: `NAME=value`,
// `name: value`, Go's `:=`, Make's `?=`, `=>`, `System.setProperty("name", "value")`, XML elements
// (value inline or on its own line), `<add key= value=>`, PowerShell and CLI `-Name value`,
// connection strings separated by `;`, `&` or (for a password) `,`,
// `NAME=value\n...` and `\"name\": \"value\"` escaped inside a JSON string, YAML block scalars, and the
// Groovy DSL's `password 'value'`, Android Gradle's buildConfigField, and a credential compared
// with a literal in code. Each pair keeps the value's offset in the text.

export interface Pair {
  readonly name: string;
  readonly value: string;
  /** Offset of the value in the text. */
  readonly at: number;
}

const VALUE = String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|\x60([^\x60\n]*)\x60|([^\s"'\x60,;)}\]<>]+))`;
const ASSIGN = new RegExp(String.raw`(?:^|[^\w$.-])["'\x60]?(?:\$env:|\$)?([A-Za-z_][\w.-]*)["'\x60]?\]?\s*(?::=|\?=|\+=|=>|=(?![=~>])|:(?![:/]))\s*${VALUE}`, "g");
const CALL = /\(\s*["']([\w.-]+)["']\s*,\s*(?:"([^"\n]*)"|'([^'\n]*)')/g;
const ATTRIBUTES = /\b(?:key|name)\s*=\s*["']([^"']+)["'][^>]*?\bvalue\s*=\s*["']([^"']*)["']/gi;
const KEYED_ELEMENT = /\b(?:key|name)\s*=\s*["']([^"']+)["'][^>]*>([^<\n]+)</gi;
const ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<\n]+)<\/\1>/g;
// `;Password=...;` inside a connection string, even when the whole string is one quoted value.
// Not `&&x === y` in code: a segment's = is no comparison, and its value does not start with one.
const SEGMENT = /[;?&]\s*([A-Za-z][\w .-]*?)\s*=(?![=~>])\s*([^;&"'\s=][^;&"'\n]*)/g;
// `host:6380,password=...,ssl=True`: StackExchange.Redis and other comma-separated connection
// strings, inside one quoted value (appsettings.json). Only a password's names: a comma and an
// equals sign are everywhere in code.
const COMMA_SEGMENT = /,\s*(password|pwd|passwd)\s*=\s*([^,;"'\s]+)/gi;
const BLOCK_SCALAR = /^\s*["']?([A-Za-z_][\w.-]*)["']?\s*:\s*[|>][-+]?\d?\s*$/;
const OPEN_TAG_ALONE = /^\s*<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>\s*$/;
// Groovy and Gradle DSL, nginx-style config: a name, a space, one quoted value, nothing else.
const DSL = /^\s*([A-Za-z_][\w.-]*)\s+(?:"([^"\n]*)"|'([^'\n]*)')\s*;?\s*$/g;
// Android Gradle's `buildConfigField "String", "API_KEY", "\"value\""` and `resValue(type, name, value)`:
// the name is the second argument, and the value is a Java literal inside a Groovy or Kotlin string.
const BUILD_FIELD = /\b(?:buildConfigField|resValue)\s*\(?\s*["'][\w.]+["']\s*,\s*["']([\w.]+)["']\s*,\s*["'](?:\\?")?([^"'\\\n]+)/g;
// A password checked against a literal in code, `password == "..."` or `getPassword().equals("...")`: the
// literal is the password, hard-coded (CWE-798). Only quoted literals (`x == other` is code), and
// only under a password's name: `args.token === "aws:s3/bucket:Bucket"` compares a type, not a token.
const COMPARE = /([A-Za-z_$][\w$.]*)\s*(?:===?|!==?)\s*(?:"([^"\n]*)"|'([^'\n]*)')|([A-Za-z_$][\w$.]*)(?:\(\))?\.equals\(\s*"([^"\n]*)"\s*\)/g;
const FLAG = new RegExp(String.raw`(?:^|\s)--?([A-Za-z][\w-]*)\s+${VALUE}`, "g");

// exec with lastIndex on the shared regexes: matchAll would clone each regex for every line.
function collect(re: RegExp, line: string, base: number, out: Pair[], valueGroup = 2): void {
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    let value: string | undefined;
    for (let g = valueGroup; g < m.length && value === undefined; g++) value = m[g];
    if (!value) continue;
    out.push({ name: m[1], value: value.trim(), at: base + m.index + m[0].lastIndexOf(value) });
  }
}

/** `name == "literal"` and `name.equals("literal")`: the name is group 1 or 4, the literal 2, 3 or 5. */
function collectComparisons(line: string, base: number, out: Pair[]): void {
  COMPARE.lastIndex = 0;
  for (let m = COMPARE.exec(line); m; m = COMPARE.exec(line)) {
    const name = m[1] ?? m[4];
    const value = m[2] ?? m[3] ?? m[5];
    if (name && value && nameStrength(name) === "password") out.push({ name, value: value.trim(), at: base + m.index + m[0].lastIndexOf(value) });
  }
}

/** Name/value pairs on the line [start, end) of `text`; may read the next lines for XML. */
export function pairsOnLine(text: string, start: number, end: number): Pair[] {
  const line = text.slice(start, end);
  const out: Pair[] = [];
  collect(ASSIGN, line, start, out);
  collect(CALL, line, start, out);
  collect(ATTRIBUTES, line, start, out);
  collect(KEYED_ELEMENT, line, start, out);
  collect(ELEMENT, line, start, out);
  collect(FLAG, line, start, out);
  collect(SEGMENT, line, start, out);
  if (line.includes(",")) collect(COMMA_SEGMENT, line, start, out);
  collect(DSL, line, start, out);
  if (line.includes("==") || line.includes("!=") || line.includes(".equals(")) collectComparisons(line, start, out);
  if (line.includes("buildConfigField") || line.includes("resValue")) collect(BUILD_FIELD, line, start, out);
  // `NAME=value\n...` escaped inside one JSON or YAML string.
  if (line.includes("\\n")) {
    let offset = start;
    for (const piece of line.split("\\n")) {
      collect(ASSIGN, piece.replace(/^["']/, " "), offset, out);
      offset += piece.length + 2;
    }
  }
  // `{\"api_secret\": \"value\"}`: JSON escaped inside another string (a log message, a task
  // definition). Same length once `\"` becomes `" `, so offsets stay true.
  if (line.includes('\\"')) collect(ASSIGN, line.replace(/\\"/g, '" '), start, out);
  // `name: |` (or `>`, `|-`, `>+`): a YAML block scalar, whose value is the indented next line.
  const block = BLOCK_SCALAR.exec(line);
  if (block) {
    const next = text.indexOf("\n", end + 1);
    const valueLine = text.slice(end + 1, next < 0 ? text.length : next);
    const indent = /^\s*/.exec(line)![0].length;
    const value = valueLine.trim();
    if (value && /^\s*/.exec(valueLine)![0].length > indent && !/[:#]\s/.test(value)) out.push({ name: block[1], value, at: end + 1 + valueLine.indexOf(value) });
  }
  // <password>\n  value\n</password>
  const open = OPEN_TAG_ALONE.exec(line);
  if (open) {
    const next = text.indexOf("\n", end + 1);
    const valueLine = text.slice(end + 1, next < 0 ? text.length : next);
    const after = next < 0 ? "" : text.slice(next + 1, next + 1 + open[1].length + 8);
    if (valueLine.trim() && !valueLine.includes("<") && after.trimStart().startsWith(`</${open[1]}>`)) out.push({ name: open[1], value: valueLine.trim(), at: end + 1 + valueLine.indexOf(valueLine.trim()) });
  }
  return out;
}
