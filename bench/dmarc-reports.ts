import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Flavour, writeReport } from "../tests/helpers/dmarc-reports";
import { child } from "./measure";

// verify --dmarc-reports over generated folders of aggregate reports in the five provider shapes
// (Google zip, Microsoft and Yahoo gzip, prefixed-namespace and DMARCbis XML), six sources a
// report: reports per second and peak memory, at 1,000 and at 10,000 reports.

const FLAVOURS: Flavour[] = ["google", "microsoft", "yahoo", "prefixed", "dmarcbis"];
const START = 1_780_000_000;

function generate(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const rows = Array.from({ length: 6 }, (_, j) => ({
      ip: `198.51.${(i + j) % 250}.${(j * 37 + i) % 250}`,
      count: 1 + ((i * 7 + j * 13) % 400),
      dkim: j % 5 === 4 ? ("fail" as const) : ("pass" as const),
      spf: j % 3 === 2 ? ("fail" as const) : ("pass" as const),
      envelopeFrom: j % 2 ? "mail.example.com" : "example.com",
      dkimAuth: [{ domain: j === 1 ? "amazonses.com" : "example.com", selector: j === 0 ? "google" : "s1", result: j % 5 === 4 ? "fail" : "pass" }],
      spfAuth: [{ domain: j % 2 ? "mail.example.com" : "example.com", result: j % 3 === 2 ? "fail" : "pass" }],
    }));
    writeReport(dir, { flavour: FLAVOURS[i % FLAVOURS.length], id: `bench-${i}`, begin: START + (i % 30) * 86400, rows });
  }
}

export function benchDmarcReports(): string {
  const lines = ["DMARC aggregate reports (verify --dmarc-reports), generated in five provider shapes, six sources each, one child process per folder:"];
  for (const count of [1000, 10000]) {
    const dir = mkdtempSync(join(tmpdir(), "lb-bench-dmarc-"));
    try {
      generate(dir, count);
      const r = child("dmarc-read.ts", [dir]);
      lines.push(`  ${count.toLocaleString("en-US")} reports: ${r.out.seconds.toFixed(2)} s, ${Math.round(r.out.reports / r.out.seconds).toLocaleString("en-US")} reports/s, peak ${r.peakMiB.toFixed(0)} MiB; ${r.out.reports} read, ${r.out.malformed} malformed, ${r.out.messages.toLocaleString("en-US")} messages from ${r.out.sources} sources`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return lines.join("\n");
}
