import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { luhn } from "../lib/logs/sensitive";
import { analyzeLogs } from "../lib/logs/scan";
import { REQUIRED_FIELDS } from "../lib/logs/vocabulary";

// The reader hands on a read chunk's worth of lines at a time (64 KiB): evidence must still name
// the right line however the chunks fall, with CRLF endings and characters of several bytes
// split between two chunks, in a plain file and in a gzipped one; and an export's events, handed
// on in batches, each named by its number.

const dir = mkdtempSync(join(tmpdir(), "lb-logs-reader-"));
const jwt = () => ["eyJhbGciOiJIUzI1NiJ9", Buffer.from(JSON.stringify({ sub: "u-1" })).toString("base64url"), randomBytes(24).toString("base64url")].join(".");

function event(i: number, extra: Record<string, unknown> = {}): string {
  // Two- and four-byte characters, so some fall across a chunk boundary.
  return JSON.stringify({ datetime: "2026-11-30T00:00:00.000Z", appid: "community", event: `authz_fail:u-${i},posts:read`, level: "WARN", description: `Zugriff verweigert für Nutzer ${i} 🔒`, source_ip: "198.51.100.7", request_uri: "/api/posts", request_method: "GET", ...extra });
}

function export3MB(): { text: string; lines: number } {
  const lines: string[] = [];
  // The length counted as lines are added: joining all of them on every turn is quadratic.
  for (let i = 1, length = 0; length < 3.2e6; i++) {
    if (i === 4321) lines.push(`${event(i).slice(0, 60)}`);
    else if (i === 9000) lines.push(event(i, { note: `token ${jwt()}` }));
    else lines.push(event(i));
    length += lines[lines.length - 1]!.length + 2;
  }
  return { text: `${lines.join("\r\n")}\r\n`, lines: lines.length };
}

describe("reading a security log in chunks", () => {
  const { text, lines } = export3MB();
  for (const [name, write] of [
    ["plain", (p: string) => writeFileSync(p, text)],
    ["gzipped", (p: string) => writeFileSync(p, gzipSync(text))],
  ] as const) {
    it(`names the right lines across read chunks (${name}, CRLF, multibyte characters)`, async () => {
      const file = join(dir, `security-${name}.jsonl${name === "gzipped" ? ".gz" : ""}`);
      write(file);
      const a = await analyzeLogs(file);
      expect(a.events).toBe(lines);
      expect(a.unparsable).toEqual({ count: 1, examples: [`${file}:4321: not a JSON object`] });
      expect(a.sensitive).toEqual({ count: 1, examples: [`${file}:9000: a JWT`] });
      expect(a.notVocabulary.count + a.missingFields.count).toBe(0);
      expect(a.eventCounts).toEqual({ authz_fail: lines - 1 });
    });
  }

  it("gives the same analysis, line for line, when a worker thread reads part of the file", async () => {
    const file = join(dir, "security-threads.jsonl");
    writeFileSync(file, text);
    const [one, threads] = [await analyzeLogs(file, { parallelFrom: Infinity }), await analyzeLogs(file, { parallelFrom: 0 })];
    // Line 9000 lies in the second range: its number is counted on from the first range's lines.
    expect(threads.sensitive).toEqual({ count: 1, examples: [`${file}:9000: a JWT`] });
    expect(threads).toEqual(one);
  });

  it("reads past a UTF-8 byte-order mark, as Windows tools write it, in JSON lines and in an export", async () => {
    const lines = join(dir, "bom.jsonl");
    writeFileSync(lines, `\ufeff${event(1)}\r\n${event(2)}\r\n`);
    const exported = join(dir, "bom-export.json");
    writeFileSync(exported, `\ufeff${JSON.stringify({ events: [{ message: event(1) }, { message: event(2) }] }, null, 4)}`);
    for (const file of [lines, exported]) {
      const a = await analyzeLogs(file);
      expect(a.events, file).toBe(2);
      expect(a.unparsable.count, file).toBe(0);
      expect(a.eventCounts, file).toEqual({ authz_fail: 2 });
    }
  });

  it("names the right events of an aws logs filter-log-events export across batches", async () => {
    const events = Array.from({ length: 1000 }, (_, k) => {
      const i = k + 1;
      const message = i === 333 ? event(i).slice(0, 40) : i === 777 ? event(i, { note: `token ${jwt()}` }) : event(i);
      return { logStreamName: "app/web-1", timestamp: 1796000000000 + i, message, ingestionTime: 1796000000100 + i, eventId: String(37000000000 + i) };
    });
    const file = join(dir, "export.json");
    // As the AWS CLI prints it: indented four spaces.
    writeFileSync(file, JSON.stringify({ events, searchedLogStreams: [{ logStreamName: "app/web-1", searchedCompletely: true }] }, null, 4));
    const a = await analyzeLogs(file);
    expect(a.events).toBe(1000);
    expect(a.unparsable).toEqual({ count: 1, examples: [`${file} event 333: not a JSON object`] });
    expect(a.sensitive).toEqual({ count: 1, examples: [`${file} event 777: a JWT`] });
  });
});

describe("a line too long to be one event", () => {
  // Over MAX_LINE (4 MiB), with no newline: streamed past, never held, and said so by line.
  const junk = (chars: number) => "x".repeat(chars);

  it("is reported by its line, not read, and the lines after it keep their numbers", async () => {
    const file = join(dir, "over-long.jsonl");
    writeFileSync(file, `${event(1)}\n${junk(5 * 2 ** 20)}\n${event(3)}\n${event(4, { note: `token ${jwt()}` })}\n`);
    const a = await analyzeLogs(file);
    expect(a.events).toBe(4);
    expect(a.overLong).toEqual({ count: 1, examples: [`${file}:2: a line of ${5 * 2 ** 20} characters, over 4 MiB, not read (CloudWatch's largest event is 1 MiB, so it is no single event). Fix: have the logger write one event per line`] });
    expect(a.unparsable.count).toBe(0);
    expect(a.sensitive).toEqual({ count: 1, examples: [`${file}:4: a JWT`] });
    expect(a.eventCounts).toEqual({ authz_fail: 3 });
    const { logsSecurityEvents, logsSensitiveData } = await import("../lib/verify/checks/logs.js");
    const ctx = { logs: a } as unknown as Parameters<typeof logsSensitiveData.run>[0];
    expect(await logsSecurityEvents.run(ctx)).toMatchObject({ status: "fail", summary: "1 event is over 4 MiB, not read (CloudWatch's largest event is 1 MiB) (of 4)" });
    expect((await logsSensitiveData.run({ ...ctx, logs: { ...a, sensitive: { count: 0, examples: [] } } } as typeof ctx)).summary).toBe("no secrets in the 3 events read, but 1 line too long to be an event was not read");
  });

  it("a file without any newline, gzipped too, is one such line at its end", async () => {
    for (const [name, write] of [
      ["no-newline.jsonl", (p: string) => writeFileSync(p, junk(9 * 2 ** 20))],
      ["no-newline.jsonl.gz", (p: string) => writeFileSync(p, gzipSync(junk(9 * 2 ** 20)))],
    ] as const) {
      const file = join(dir, name);
      write(file);
      const a = await analyzeLogs(file);
      expect(a.events, name).toBe(1);
      expect(a.overLong.examples, name).toEqual([`${file}:1: a line of ${9 * 2 ** 20} characters, over 4 MiB, not read (CloudWatch's largest event is 1 MiB, so it is no single event). Fix: have the logger write one event per line`]);
    }
  });

  it("an export written on one line (minified JSON) is still read as an export", async () => {
    const file = join(dir, "one-line-export.json");
    const events = Array.from({ length: 20_000 }, (_, i) => ({ timestamp: i, message: event(i + 1) }));
    writeFileSync(file, JSON.stringify({ events }));
    const a = await analyzeLogs(file);
    expect(a.events).toBe(20_000);
    expect(a.overLong.count).toBe(0);
    expect(a.eventCounts).toEqual({ authz_fail: 20_000 });
  });
});

describe("each event against the contract, and card numbers in any grouping", () => {
  it("names every required field an event lacks, whichever it is, and whether absent, null or empty", async () => {
    const file = join(dir, "missing-fields.jsonl");
    const lines = REQUIRED_FIELDS.flatMap((f, i) => [undefined, null, ""].map((v, k) => event(3 * i + k + 1, { [f]: v })));
    writeFileSync(file, `${lines.join("\n")}\n${event(99)}\n`);
    const a = await analyzeLogs(file);
    expect(a.missingFields.count).toBe(3 * REQUIRED_FIELDS.length);
    expect(a.missingFields.examples.slice(0, 4)).toEqual([`${file}:1: no datetime`, `${file}:2: no datetime`, `${file}:3: no datetime`, `${file}:4: no appid`]);
    const all = await analyzeLogs(file, { parallelFrom: Infinity });
    expect(all.missingFields.count).toBe(a.missingFields.count);
  });

  /** A Luhn-valid number of `length` digits opening with `first`, drawn at run time. */
  const cardNumber = (first: string, length: number) => {
    let body = first;
    while (body.length < length - 1) body += String(randomBytes(1)[0]! % 10);
    return body + [..."0123456789"].find((d) => luhn(body + d))!;
  };
  const grouped = (digits: string, groups: number[], sep: string) => {
    let at = 0;
    return groups.map((n) => digits.slice(at, (at += n))).join(sep);
  };

  it("finds Luhn-valid card numbers as the schemes print them, and no timestamp, address or Luhn-invalid run", async () => {
    const file = join(dir, "cards.jsonl");
    const visa = cardNumber("4", 16);
    const amex = cardNumber("37", 15);
    const diners = cardNumber("36", 14);
    const long = cardNumber("62", 19);
    const badCheck = visa.slice(0, 15) + String((Number(visa[15]) + 1) % 10);
    const notes = [grouped(visa, [4, 4, 4, 4], " "), grouped(amex, [4, 6, 5], "-"), grouped(diners, [4, 6, 4], " "), long, visa, badCheck, "2026-11-30 12:00:00 +0000 id 4444", "198.51.100.7:4431 2026-11-30"];
    writeFileSync(file, `${notes.map((n, i) => event(i + 1, { note: `paid with ${n}` })).join("\n")}\n`);
    const a = await analyzeLogs(file);
    expect(a.sensitive.examples).toEqual([1, 2, 3, 4, 5].map((l) => `${file}:${l}: a card number (Luhn-valid)`));
  });
});
