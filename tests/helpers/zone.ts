// Reads back the zone files `plan --zone-file` writes: `owner ttl IN TYPE rdata` lines.

export interface ZoneRecord {
  readonly name: string;
  readonly ttl: number;
  readonly type: string;
  /** TXT: the character-strings; MX: [priority, exchange]; others: [rdata]. */
  readonly data: readonly string[];
}

export function parseZone(text: string): ZoneRecord[] {
  const records: ZoneRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith(";") || line.startsWith("$")) continue;
    const m = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`unparsable zone line: ${line}`);
    const [, owner, ttl, type, rdata] = m;
    const name = owner.replace(/\.$/, "").toLowerCase();
    let data: string[];
    if (type === "TXT") data = [...rdata.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1].replace(/\\(.)/g, "$1"));
    else if (type === "MX") data = rdata.split(/\s+/).map((s) => s.replace(/\.$/, ""));
    else if (type === "CAA") data = (/^(\d+)\s+(\S+)\s+"(.*)"$/.exec(rdata) ?? []).slice(1);
    else data = [rdata.replace(/\.$/, "")];
    records.push({ name, ttl: Number(ttl), type, data });
  }
  return records;
}
