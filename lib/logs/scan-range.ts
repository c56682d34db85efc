import { parentPort, workerData } from "node:worker_threads";
import { analyzeRange } from "./analyze-range";
import type { ProbeRecord } from "./probe-record";
import { LogInputError, type ByteRange } from "./reader";

// A worker thread of lib/logs/scan.ts (started by typeScriptWorker): it takes byte ranges of one file, one message each, reads
// each range itself, runs every check, and posts back the part with its line count. Progress goes
// every 32 batches.

const { file, record } = workerData as { file: string; record?: ProbeRecord };
const port = parentPort!;

port.on("message", ({ range }: { range: ByteRange }) => {
  let batches = 0;
  analyzeRange(file, range, record, (events, bytes) => ++batches % 32 === 0 && port.postMessage({ progress: [events, bytes] }))
    .then((done) => port.postMessage({ done }))
    .catch((e: Error) => port.postMessage({ error: e.message, input: e instanceof LogInputError }));
});
port.postMessage({ ready: true });
