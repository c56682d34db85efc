// Source maps ship the original source, comments and inlined `.env` values included. These find
// the map a script points at and read the sources out of it.

/** The map a served script names: `//# sourceMappingURL=` (last one wins) or the SourceMap header. */
export function sourceMapReference(script: string, headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers["sourcemap"] ?? headers["x-sourcemap"];
  if (typeof header === "string" && header) return header;
  const refs = [...script.matchAll(/[#@]\s*sourceMappingURL=([^\s'"*]+)/g)];
  const ref = refs.at(-1)?.[1];
  // An inline data: map is in the script itself, which is scanned already.
  return ref && !ref.startsWith("data:") ? ref : undefined;
}

/** [source name, original text] for each source a map embeds; none when it embeds none. */
export function embeddedSources(mapJson: string): Array<[string, string]> {
  let map: { sources?: unknown; sourcesContent?: unknown; sections?: Array<{ map?: unknown }> };
  try {
    map = JSON.parse(mapJson.replace(/^\)\]\}'[^\n]*\n/, ""));
  } catch {
    return [];
  }
  // Index maps (sections) hold their maps inline.
  if (Array.isArray(map.sections)) return map.sections.flatMap((s) => (s.map ? embeddedSources(JSON.stringify(s.map)) : []));
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent : [];
  return contents.flatMap((c, i) => (typeof c === "string" ? [[String(sources[i] ?? `source ${i}`), c] as [string, string]] : []));
}
