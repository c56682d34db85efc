import { readDmarcReports } from "../lib/dmarc/read";

// Run as a child process by the benchmark, so its peak memory is its own: reads a folder of
// aggregate reports as verify --dmarc-reports does and prints { reports, messages, seconds }.

const start = process.hrtime.bigint();
const a = readDmarcReports(process.argv[2]);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(JSON.stringify({ reports: a.reports, malformed: a.malformed.length, messages: a.messages, sources: a.sources.length, seconds }));
