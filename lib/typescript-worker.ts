import { join } from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";

// A worker thread runs plain Node, whatever started the process (a CLI, vitest, the bench): it
// loads the project's TypeScript hook first, then the module, as the CLIs do.
const REGISTER = join(__dirname, "..", "cli", "register.js");

/** A worker thread running the project TypeScript module at `path`. */
export function typeScriptWorker(path: string, options: WorkerOptions = {}): Worker {
  return new Worker(`require(${JSON.stringify(REGISTER)}); require(${JSON.stringify(path)});`, { ...options, eval: true });
}
