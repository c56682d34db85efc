import { scanHistory } from "../lib/secrets/history";

// Run as a child process by the benchmark, so its peak memory is its own: scans one repository's
// history and prints { bytes, seconds, findings, planted, commits } as JSON (planted: findings in
// the files the generator planted a credential in).

const start = process.hrtime.bigint();
scanHistory(process.argv[2]).then((r) => {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ bytes: r.bytes, seconds, findings: r.findings.length, planted: new Set(r.findings.filter((f) => f.file.startsWith("planted/")).map((f) => f.file)).size, commits: r.commits }));
});
