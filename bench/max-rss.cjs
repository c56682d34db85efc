// Preloaded into benchmarked processes: on exit, append this process's peak RSS (KiB) to the file
// named by BENCH_RSS_FILE. Node reports maxRSS itself, so no external `time` is needed.
const { appendFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
