import { parentPort, workerData } from "node:worker_threads";
import { analyzeRecords, emptyAnalysis } from "./analyze";
import type { ProbeRecord } from "./probe-record";
import { LogInputError, jsonLines, type ByteRange } from "./reader";

// A worker thread of lib/logs/scan.ts (started by typeScriptWorker): it takes byte ranges of one file, one message each, reads
// each range itself, runs every check, and posts back the part with its line count. Progress goes
// every 32 batches.

const { file, record } = workerData as { file: string; record?: ProbeRecord };
const port = parentPort!;

port.on("message", ({ range }: { range: ByteRange }) => {
  const a = emptyAnalysis(file);
  const counted = { lines: 0 };
  let batches = 0;
  analyzeRecords(a, jsonLines(file, range, counted), { record, onProgress: (events, bytes) => ++batches % 32 === 0 && port.postMessage({ progress: [events, bytes] }) })
    .then(() => port.postMessage({ done: { analysis: a, lines: counted.lines } }))
    .catch((e: Error) => port.postMessage({ error: e.message, input: e instanceof LogInputError }));
});
port.postMessage({ ready: true });
