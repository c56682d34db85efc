import { readLogs } from "../lib/logs/reader";

// Run as a child process by the benchmark: the floor under any check that judges events, which
// is reading the export as verify --logs does and JSON.parse of every event, and nothing else.
// Prints { mbPerSecond } as JSON.

const start = process.hrtime.bigint();
(async () => {
  let bytes = 0;
  for await (const records of readLogs(process.argv[2])) {
    for (const r of records) {
      bytes += r.text.length + 1;
      JSON.parse(r.text);
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ mbPerSecond: bytes / 1e6 / seconds }));
})();
