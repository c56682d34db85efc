import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { type Flavour, type Row, writeReport } from "./helpers/dmarc-reports";
import { runCli } from "./helpers/run-plan";
import { readDmarcReports } from "../lib/dmarc/read";
import { emailDmarcReports } from "../lib/verify/checks/dmarc-reports";
import { CouldNotRun, type VerifyContext } from "../lib/verify/types";

// verify --dmarc-reports on reports in each major provider's shape: grouped by source, the
// aligned share, and an exact verdict on the next DMARC step. Malformed reports are named.

const DAY = 86400;
const START = 1_790_000_000 - (1_790_000_000 % DAY);
const FLAVOURS: Flavour[] = ["google", "microsoft", "yahoo", "prefixed", "dmarcbis"];
const GOOGLE: Row = { ip: "209.85.220.41", count: 1000, dkim: "pass", spf: "pass", envelopeFrom: "example.com", dkimAuth: [{ domain: "example.com", selector: "google", result: "pass" }], spfAuth: [{ domain: "example.com", result: "pass" }] };
const SES: Row = { ip: "54.240.8.10", count: 240, dkim: "pass", spf: "pass", envelopeFrom: "mail.example.com", dkimAuth: [{ domain: "example.com", selector: "x7k2pq", result: "pass" }, { domain: "amazonses.com", selector: "ug7nbtf", result: "pass" }], spfAuth: [{ domain: "mail.example.com", result: "pass" }] };
const MAILCHIMP: Row = { ip: "198.2.128.5", count: 60, dkim: "fail", spf: "fail", envelopeFrom: "mcsv.net", dkimAuth: [{ domain: "mcsv.net", selector: "k1", result: "pass" }], spfAuth: [{ domain: "mcsv.net", result: "pass" }] };
const SPOOF: Row = { ip: "203.0.113.66", count: 8, dkim: "fail", spf: "fail", spfAuth: [{ domain: "example.com", result: "fail" }] };

/** Five reports, one per provider shape, three days each: fifteen days in all. */
function reports(rows: Row[], policy: { p?: "none" | "quarantine" | "reject"; pct?: number } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "lb-dmarc-"));
  FLAVOURS.forEach((flavour, i) => writeReport(dir, { flavour, id: `r${i}`, begin: START + i * 3 * DAY, days: 3, ...policy, rows }));
  return dir;
}

/** Through the CLI, as a user runs it. */
async function verdict(dir: string) {
  const r = await runCli("verify", ["--dmarc-reports", dir, "--json"]);
  const check = (JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; summary: string; evidence: string[] }> }).checks.find((c) => c.id === "email.dmarc-reports")!;
  return { code: r.code, ...check };
}

/** The same reader and check in this process, for the cases whose exit code is already shown. */
async function judged(dir: string) {
  const ctx = { dmarcReports: readDmarcReports(dir) } as unknown as VerifyContext;
  try {
    return await emailDmarcReports.run(ctx);
  } catch (e) {
    if (e instanceof CouldNotRun) return { status: "error", summary: e.message, evidence: [] };
    throw e;
  }
}

describe("verify --dmarc-reports", () => {
  it("groups a mixed set by source and holds back quarantine while a known sender is not aligned", async () => {
    const v = await verdict(reports([GOOGLE, SES, MAILCHIMP, SPOOF]));
    expect(v.status).toBe("warn");
    expect(v.summary).toBe("not ready for p=quarantine; pct=25 (now p=none): Mailchimp (Mandrill): 300 of 300 messages not aligned; 94.8% of 6,540 messages aligned over 15 days");
    expect(v.evidence.slice(0, 5)).toEqual([
      "5 reports for example.com over 15 days: 6,200 of 6,540 messages aligned (94.8%)",
      "source Google Workspace: 5,000 messages from 1 address, 100.0% aligned",
      "source Amazon SES: 1,200 messages from 1 address, 100.0% aligned",
      "source Mailchimp (Mandrill): 300 messages from 1 address, 0.0% aligned",
      "source unidentified 203.0.113.66 (unidentified): 40 messages from 1 address, 0.0% aligned",
    ]);
    expect(v.evidence).toContain("group Mailchimp (Mandrill) | From example.com | DKIM pass d=mcsv.net (not aligned) | SPF pass mcsv.net (not aligned) | 300");
    expect(v.evidence).toContain("group Amazon SES | From example.com | DKIM pass d=example.com, pass d=amazonses.com (aligned) | SPF pass mail.example.com (aligned) | 1,200");
    expect(v.code).toBe(0);
  });

  it("is ready for quarantine when every identified sender is aligned; spoofed mail does not hold it back", async () => {
    const v = await judged(reports([GOOGLE, SES, SPOOF]));
    expect(v.status).toBe("pass");
    expect(v.summary).toBe("ready for p=quarantine; pct=25: 99.4% of 6,240 messages aligned over 15 days; every identified sender aligned");
  });

  it("walks the steps: quarantine at a partial pct to 100%, then reject", async () => {
    expect((await judged(reports([GOOGLE, SES], { p: "quarantine", pct: 25 }))).summary).toBe("ready for p=quarantine (pct=100): 100.0% of 6,200 messages aligned over 15 days; every identified sender aligned");
    expect((await judged(reports([GOOGLE, SES], { p: "quarantine" }))).summary).toBe("ready for p=reject: 100.0% of 6,200 messages aligned over 15 days; every identified sender aligned");
    expect((await judged(reports([GOOGLE, SES], { p: "reject" }))).summary).toBe("at enforcement (p=reject); 100.0% of 6,200 messages aligned over 15 days");
  });

  it("fails when the domain already enforces and a known sender's mail is not aligned", async () => {
    const v = await verdict(reports([GOOGLE, MAILCHIMP], { p: "quarantine" }));
    expect(v.status).toBe("fail");
    expect(v.summary).toBe("not ready for p=reject (now p=quarantine): Mailchimp (Mandrill): 300 of 300 messages not aligned; 94.3% of 5,300 messages aligned over 15 days");
    expect(v.code).toBe(1);
  });

  it("waits for a week of evidence", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lb-dmarc-"));
    writeReport(dir, { flavour: "google", id: "one", begin: START, days: 1, rows: [GOOGLE] });
    expect((await judged(dir)).summary).toBe("not ready for p=quarantine; pct=25 (now p=none): the reports cover 1 day; wait for at least 7; 100.0% of 1,000 messages aligned over 1 day");
  });

  it("counts and names malformed reports, and reads the rest", async () => {
    const dir = reports([GOOGLE, SES]);
    const good = (await import("./helpers/dmarc-reports.js")).reportXml({ flavour: "google", id: "x", begin: START, rows: [GOOGLE] });
    writeFileSync(join(dir, "truncated.xml"), good.slice(0, 400));
    writeFileSync(join(dir, "count.xml"), good.replace("<count>1000</count>", "<count>lots</count>"));
    writeFileSync(join(dir, "notdmarc.xml"), "<html><body>Your report is attached</body></html>");
    writeFileSync(join(dir, "empty.zip"), zipSync({ "reports/": new Uint8Array(0) }));
    writeFileSync(join(dir, "damaged.xml.gz"), gzipSync(good).subarray(0, 60));
    const v = await judged(dir);
    expect(v.summary).toBe("ready for p=quarantine; pct=25: 100.0% of 6,200 messages aligned over 15 days; every identified sender aligned; 5 malformed reports skipped");
    expect(v.evidence.filter((e) => e.startsWith("malformed ")).map((e) => e.replace(dir, "<dir>"))).toEqual([
      "malformed <dir>/count.xml: record 1: count \"lots\" is not a whole number",
      "malformed <dir>/damaged.xml.gz: a damaged gzip file (unexpected end of file)",
      "malformed <dir>/empty.zip: a zip archive with no file in it",
      "malformed <dir>/notdmarc.xml: no <feedback> element: not a DMARC aggregate report",
      expect.stringMatching(/^malformed <dir>\/truncated\.xml: not well-formed XML \(line \d+: .+\)$/),
    ]);
  });

  it("refuses decompression bombs mailed to the public rua address, without inflating them, and reads the rest", async () => {
    const dir = reports([GOOGLE, SES]);
    // 70 MB of spaces: about 70 KB compressed, past the 64 MB a report may expand to.
    const bomb = Buffer.alloc(70 * 1024 * 1024, 0x20);
    writeFileSync(join(dir, "bomb.xml.gz"), gzipSync(bomb, { level: 9 }));
    writeFileSync(join(dir, "bomb.zip"), zipSync({ "report.xml": bomb }, { level: 9 }));
    const v = await judged(dir);
    expect(v.summary).toBe("ready for p=quarantine; pct=25: 100.0% of 6,200 messages aligned over 15 days; every identified sender aligned; 2 malformed reports skipped");
    expect(v.evidence.filter((e) => e.startsWith("malformed ")).map((e) => e.replace(dir, "<dir>"))).toEqual([
      "malformed <dir>/bomb.xml.gz: expands past 64 MB: not an aggregate report (a decompression bomb?)",
      "malformed <dir>/bomb.zip!report.xml: expands past 64 MB: not an aggregate report (a decompression bomb?)",
    ]);
  });

  it("a folder with no readable report could not run, and a missing folder exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lb-dmarc-"));
    writeFileSync(join(dir, "note.txt"), "nothing here");
    const v = await judged(dir);
    expect(v.status).toBe("error");
    expect(v.summary).toBe(`no readable aggregate report (1 malformed: ${join(dir, "note.txt")}: not well-formed XML (line 1: ${"char 'n' is not expected."})). Fix: point --dmarc-reports at the folder the rua mailbox's attachments are saved in.`);
    const missing = await runCli("verify", ["--dmarc-reports", join(dir, "nope")]);
    expect(missing.stderr).toBe(`error: --dmarc-reports ${join(dir, "nope")} does not exist.\n`);
    expect(missing.code).toBe(2);
  });
});
