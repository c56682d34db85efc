import { analyzeLogs } from "../lib/logs/scan";

// Run as a child process by the benchmark, so its peak memory is its own: reads one export as
// verify --logs does and prints { bytes, seconds, events, sensitive } as JSON.

const start = process.hrtime.bigint();
analyzeLogs(process.argv[2]).then((a) => {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ bytes: a.bytes, seconds, events: a.events, sensitive: a.sensitive.count, unparsable: a.unparsable.count }));
});
