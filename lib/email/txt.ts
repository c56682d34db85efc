// TXT values as Cloudflare stores them. One character-string holds at most 255 bytes, so a long
// value (every 2048-bit DKIM key) is written as several quoted strings; DNS clients join them.
// Unquoted long values are stored as one invalid string, and one quoted long string drifts
// forever because Cloudflare re-splits it (terraform-provider-cloudflare#6238).

export const TXT_STRING_MAX = 255;

/** The character-strings a content holds, as DNS will carry them. */
export function txtStrings(content: string): string[] {
  const trimmed = content.trim();
  if (!trimmed.startsWith('"')) return [trimmed];
  const parts: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) parts.push(m[1].replace(/\\(.)/g, "$1"));
  return parts;
}

/** The value a resolver sees: quoted strings unquoted and joined; unquoted content as is. */
export function joinTxt(content: string): string {
  return txtStrings(content).join("");
}

/** Content for a Cloudflare TXT record: short values as they are, long ones quoted and split. */
export function txtContent(value: string): string {
  if (value.length <= TXT_STRING_MAX) return value;
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += TXT_STRING_MAX) chunks.push(value.slice(i, i + TXT_STRING_MAX));
  return chunks.map((c) => `"${c.replace(/(["\\])/g, "\\$1")}"`).join(" ");
}

/** Why a TXT content would not reach resolvers intact, or undefined when it is fine. */
export function txtSplitProblem(content: string): string | undefined {
  const strings = txtStrings(content);
  const long = strings.find((s) => s.length > TXT_STRING_MAX);
  if (!long) return undefined;
  return content.trim().startsWith('"')
    ? `a quoted string of ${long.length} characters; split it into strings of at most ${TXT_STRING_MAX} ("part1" "part2")`
    : `${long.length} unquoted characters; write it as quoted strings of at most ${TXT_STRING_MAX} ("part1" "part2")`;
}
