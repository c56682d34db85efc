import { readFileSync } from "node:fs";
import { UsageError } from "../config/stack-file";
import { mergeZones, type ExistingZone } from "./model";
import { readBindExport } from "./read-bind";
import { readJsonExport } from "./read-json";

/** Reads every --existing-zone file, JSON (the API's answers) or BIND (the dashboard's export). */
export function readZoneFiles(files: readonly string[], zoneName: string): ExistingZone {
  return mergeZones(
    files.map((file) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        throw new UsageError(`--existing-zone ${file} cannot be read (${(e as NodeJS.ErrnoException).code}). Fix: pass the export's path.`);
      }
      const first = text.trimStart()[0];
      return first === "{" || first === "[" ? readJsonExport(file, text, zoneName) : readBindExport(file, text, zoneName);
    }),
  );
}
