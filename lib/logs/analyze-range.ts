import { analyzeRecords, emptyAnalysis, type LogAnalysis } from "./analyze";
import type { ProbeRecord } from "./probe-record";
import { jsonLines, type ByteRange } from "./reader";

// One line-aligned byte range of a JSON-lines file, judged on its own: what the main thread and
// each worker of lib/logs/scan.ts do with the range they take.

export interface RangeAnalysis {
  readonly analysis: LogAnalysis;
  /** Lines the range held, so the next range's evidence can be numbered from the file's start. */
  readonly lines: number;
}

export async function analyzeRange(file: string, range: ByteRange, record: ProbeRecord | undefined, onProgress?: (events: number, bytes: number) => void): Promise<RangeAnalysis> {
  const analysis = emptyAnalysis(file);
  const counted = { lines: 0 };
  await analyzeRecords(analysis, jsonLines(file, range, counted), { record, onProgress });
  return { analysis, lines: counted.lines };
}
