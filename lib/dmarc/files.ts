import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { unzipSync } from "fflate";

// Aggregate reports as mailbox providers mail them: plain XML, gzip (.xml.gz) or zip, whatever the
// file is named; the first bytes decide. A file that cannot be opened is named with the reason and
// the run goes on.

export type ReportDocument = { readonly file: string; readonly xml: string } | { readonly file: string; readonly error: string };

// A report is kilobytes, a large sender's a few MB. The rua address is public, so anyone can mail a
// decompression bomb to it: nothing that is or expands past this is opened.
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
const TOO_LARGE = `expands past ${MAX_REPORT_BYTES / 1024 / 1024} MB: not an aggregate report (a decompression bomb?)`;

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const starts = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

/** Every report file under `dir` (recursively), in name order. */
export function reportFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  statSync(dir).isDirectory() ? walk(dir) : out.push(dir);
  return out;
}

/** The XML documents one file holds (a zip may hold several). */
export function openReport(file: string): ReportDocument[] {
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_REPORT_BYTES) return [{ file, error: `is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB: not an aggregate report` }];
    bytes = readFileSync(file);
  } catch (e) {
    return [{ file, error: `cannot be read (${(e as NodeJS.ErrnoException).code})` }];
  }
  try {
    if (starts(bytes, GZIP)) return [{ file, xml: gunzipSync(bytes, { maxOutputLength: MAX_REPORT_BYTES }).toString("utf8") }];
    if (starts(bytes, ZIP)) {
      const oversized: ReportDocument[] = [];
      // The filter sees each entry's declared size before anything is inflated.
      const unzipped = unzipSync(bytes, { filter: (f) => f.originalSize <= MAX_REPORT_BYTES || (oversized.push({ file: `${file}!${f.name}`, error: TOO_LARGE }), false) });
      const entries = Object.entries(unzipped).filter(([name]) => !name.endsWith("/"));
      if (entries.length === 0 && oversized.length === 0) return [{ file, error: "a zip archive with no file in it" }];
      return [...entries.map(([name, data]) => ({ file: `${file}!${name}`, xml: Buffer.from(data).toString("utf8") })), ...oversized];
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return [{ file, error: TOO_LARGE }];
    return [{ file, error: `a damaged ${starts(bytes, GZIP) ? "gzip" : "zip"} file (${(e as Error).message})` }];
  }
  return [{ file, xml: bytes.toString("utf8") }];
}
