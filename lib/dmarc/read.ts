import { DmarcAccumulator, type DmarcAnalysis } from "./analyze";
import { openReport, reportFiles } from "./files";
import { MalformedReport, parseReport } from "./parse";

/** Reads every report under `dir`, one at a time; malformed ones are counted and named. */
export function readDmarcReports(dir: string, onProgress?: (done: number, total: number) => void): DmarcAnalysis {
  const acc = new DmarcAccumulator();
  const files = reportFiles(dir);
  files.forEach((file, i) => {
    for (const doc of openReport(file)) {
      if ("error" in doc) acc.reject(doc.file, doc.error);
      else {
        try {
          acc.add(parseReport(doc.xml));
        } catch (e) {
          if (!(e instanceof MalformedReport)) throw e;
          acc.reject(doc.file, e.message);
        }
      }
    }
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1, files.length);
  });
  return acc.result();
}
