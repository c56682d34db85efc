import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { probeRecord } from "../lib/logs/probe-record";
import { APP_HOST, probeEnv, sampleProbeFile, writeProbeFile } from "./helpers/probe-file";
import { runCli, type CliResult } from "./helpers/run-plan";
import { startSampleApp, type AppFlaw } from "./helpers/sample-app";
import { makeCa, type TestCa } from "./helpers/test-ca";

// The security log end to end: the sample app writes its log in the contract's format while
// verify --probes runs against it; a second verify --logs run, as a pipeline would make it after
// fetching the export, checks the log against the run's record.

interface Doc {
  checks: Array<{ id: string; status: string; summary: string; evidence: string[] }>;
  scorecard: Array<{ area: string; status: string; reason?: string }>;
}

let ca: TestCa;
let cert: { cert: Buffer; key: Buffer };
const dir = mkdtempSync(join(tmpdir(), "lb-logs-"));
beforeAll(() => {
  ca = makeCa();
  cert = ca.issue(APP_HOST);
});

const PROBES = "authn,authz,csrf,input.malformed-json,ratelimit";

/** The probes against the sample app, then verify --logs on the log it wrote. */
async function roundTrip(carrier: "bearer" | "cookie", flaws: AppFlaw[]) {
  const name = `${carrier}-${flaws.join("-") || "fixed"}`;
  const log = join(dir, `${name}.jsonl`);
  writeFileSync(log, "");
  const app = await startSampleApp({ ...cert, carrier, flaws, securityLog: log });
  const env = probeEnv(app);
  const record = join(dir, `${name}-record.json`);
  let probes: CliResult;
  try {
    const file = writeProbeFile(dir, sampleProbeFile(app, carrier), `probes-${name}.yaml`);
    probes = await runCli("verify", ["--probes", file, "--probe-record", record, "--resolve", `${APP_HOST}:${app.port}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", PROBES, "--json"], env);
  } finally {
    await app.close();
  }
  const logs = await runCli("verify", ["--logs", log, "--probe-record", record, "--json"]);
  const out = probes.stdout + probes.stderr + logs.stdout + logs.stderr + readFileSync(record, "utf8");
  // Neither verify's output nor the record holds a password or a token.
  for (const k of ["PROBE_PASSWORD_A", "PROBE_PASSWORD_B", "PROBE_EXPIRED_TOKEN"]) expect(out).not.toContain(env[k]);
  expect(out).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  const doc = JSON.parse(logs.stdout) as Doc;
  return { doc, log, code: logs.code, check: (id: string) => doc.checks.find((c) => c.id === id)! };
}

describe("the security log, end to end", () => {
  it("the fixed app passes every logs check and the canary round trip, with bearer tokens and with cookies", async () => {
    for (const carrier of ["bearer", "cookie"] as const) {
      const r = await roundTrip(carrier, []);
      for (const id of ["logs.sensitive-data", "logs.security-events", "logs.canaries", "logs.probe-events"]) expect(r.check(id), `${carrier} ${id}`).toMatchObject({ status: "pass" });
      expect(r.check("logs.probe-events").evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^authz\.objects: requests for another org's objects \(IDOR\) -> [1-9]\d* authz_fail event\(s\)$/), expect.stringMatching(/^ratelimit\.burst: the login burst -> [1-9]\d* excess_rate_limit_exceeded event\(s\)$/)]));
      expect(r.check("logs.canaries").summary).toMatch(/^none of the \d+ credentials the probes sent \(passwords, tokens, cookies\) appears in \d+ events$/);
      expect(r.code).toBe(0);
    }
  });

  it("a password logged on a failed login fails logs.sensitive-data and logs.canaries", async () => {
    const r = await roundTrip("bearer", ["log-password"]);
    const sensitive = r.check("logs.sensitive-data");
    expect(sensitive.status).toBe("fail");
    expect(sensitive.evidence[0]).toMatch(new RegExp(`^${r.log.replace(/[.\\/]/g, "\\$&")}:\\d+: password field "password"$`));
    expect(r.check("logs.canaries")).toMatchObject({ status: "fail" });
    expect(r.check("logs.canaries").evidence[0]).toMatch(/: the password the probes sent to POST \/api\/auth\/login$/);
    expect(r.check("logs.security-events").status).toBe("pass");
    expect(r.code).toBe(1);
  });

  it("a logged Authorization header fails, naming the field and what it holds", async () => {
    const r = await roundTrip("bearer", ["log-auth-header"]);
    expect(r.check("logs.sensitive-data").evidence[0]).toMatch(/:\d+: Authorization header value "authorization"; a JWT; an Authorization credential \(Bearer or Basic\)$/);
    expect(r.check("logs.canaries").evidence[0]).toMatch(/: the token sent in an Authorization header$/);
  });

  it("a logged session cookie fails", async () => {
    const r = await roundTrip("cookie", ["log-session-cookie"]);
    expect(r.check("logs.sensitive-data").evidence[0]).toMatch(/:\d+: Cookie header value "cookie"; a JWT$/);
    expect(r.check("logs.canaries").evidence).toEqual(expect.arrayContaining([expect.stringMatching(/: the cookie "session" the probes sent$/)]));
  });

  it("authorisation failures that are not logged fail logs.probe-events", async () => {
    const r = await roundTrip("bearer", ["no-authz-log"]);
    const events = r.check("logs.probe-events");
    expect(events.status).toBe("fail");
    expect(events.summary).toMatch(/^the app did not log requests for another org's objects \(IDOR\) \(authz_fail\); a member calling admin routes \(authz_fail\), among events marked launch-baseline-verify\/[0-9a-f]{12}$/);
    expect(r.check("logs.sensitive-data").status).toBe("pass");
  });

  it("email addresses as user ids fail logs.security-events, and warn in logs.sensitive-data", async () => {
    const r = await roundTrip("bearer", ["log-email-userid"]);
    expect(r.check("logs.security-events")).toMatchObject({ status: "fail", summary: expect.stringMatching(/^\d+ events use an email address as the user id \(of \d+\)$/) });
    expect(r.check("logs.security-events").evidence[0]).toMatch(/:\d+: the user id is an email address$/);
    expect(r.check("logs.sensitive-data").status).toBe("warn");
  });
});

const EVENT = (i: number, extra: Record<string, unknown> = {}) => JSON.stringify({ datetime: "2026-11-30T03:00:00Z", appid: "community", event: `authn_login_fail:u-${i}`, level: "WARN", description: "Sign-in refused", source_ip: "203.0.113.9", request_uri: "/api/auth/login", request_method: "POST", ...extra });

/** What `aws logs filter-log-events` prints for these lines (the CLI indents by four). */
const filterLogEvents = (lines: string[]) => JSON.stringify({ events: lines.map((message, i) => ({ logStreamName: "app/1", timestamp: 1796000000000 + i, message, ingestionTime: 1796000000100 + i, eventId: `3${i}`.padEnd(56, "0") })), searchedLogStreams: [] }, null, 4);

async function logsRun(path: string, extra: string[] = []) {
  const r = await runCli("verify", ["--logs", path, "--json", ...extra]);
  return { ...r, doc: r.code === 2 ? undefined : (JSON.parse(r.stdout) as Doc) };
}

describe("verify --logs reads what exports look like", () => {
  it("the JSON of aws logs filter-log-events, gzipped too, and a folder of both", async () => {
    const d = mkdtempSync(join(dir, "exports-"));
    writeFileSync(join(d, "a.json"), filterLogEvents([EVENT(1), EVENT(2)]));
    writeFileSync(join(d, "b.jsonl.gz"), gzipSync(`${EVENT(3)}\n${EVENT(4)}\n`));
    for (const [path, events] of [[join(d, "a.json"), 2], [join(d, "b.jsonl.gz"), 2], [d, 4]] as const) {
      const r = await logsRun(path);
      expect(r.doc!.checks.find((c) => c.id === "logs.security-events")).toMatchObject({ status: "pass", summary: `${events} events follow the contract: authn_login_fail ${events}` });
    }
    const gzExport = join(d, "..", "export.json.gz");
    writeFileSync(gzExport, gzipSync(filterLogEvents([EVENT(5, { password: "hunter2hunter2" })])));
    const r = await logsRun(gzExport);
    expect(r.doc!.checks.find((c) => c.id === "logs.sensitive-data")).toMatchObject({ status: "fail", evidence: [`${gzExport} event 1: password field "password"`] });
    expect(r.stdout).not.toContain("hunter2");
  });

  it("counts and reports lines that do not parse, events outside the contract, and secrets by kind, never by value", async () => {
    const file = join(dir, "mixed.jsonl");
    const card = ["4111", "1111", "1111", "1111"].join(" ");
    writeFileSync(file, [EVENT(1), "not json at all", EVENT(2, { event: "login_failed:u-2" }), EVENT(3, { source_ip: undefined }), EVENT(4, { note: `paid with ${card}` }), EVENT(5, { db: `postgres://app:${"s3cr3t-" + "pa55w0rd"}@db.internal:5432/app` })].join("\n"));
    const r = await logsRun(file);
    const events = r.doc!.checks.find((c) => c.id === "logs.security-events")!;
    expect(events).toMatchObject({ status: "fail", summary: "1 event does not parse as JSON; 1 event lacks required fields (datetime, appid, event, level, description, source_ip, request_uri, request_method); 1 event uses an event name outside the OWASP Logging Vocabulary (of 6)" });
    expect(events.evidence).toEqual([`${file}:2: not a JSON object`, `${file}:4: no source_ip`, `${file}:3: "login_failed" is not a name of the OWASP Logging Vocabulary`]);
    const sensitive = r.doc!.checks.find((c) => c.id === "logs.sensitive-data")!;
    expect(sensitive.evidence).toEqual([`${file}:5: a card number (Luhn-valid)`, `${file}:6: a URL with an embedded password (url-with-password)`]);
    expect(r.stdout).not.toContain("pa55w0rd");
    expect(r.stdout).not.toContain("1111 1111");
  });

  it.each([
    ["a path that does not exist", () => join(dir, "missing.json"), (p: string) => `error: --logs ${p} does not exist. Fix: pass the app's JSON-lines log, or the output of aws logs filter-log-events --log-group-name <group> --unmask --start-time <ms> --end-time <ms> > export.json (gzip allowed).\n`],
    ["a file that is neither", () => { const p = join(dir, "notes.txt"); writeFileSync(p, "deployed at noon\n"); return p; }, (p: string) => `error: ${p} is neither JSON lines nor the JSON of aws logs filter-log-events: its first line is not a JSON object. Fix: pass the app's JSON-lines log, or the output of aws logs filter-log-events --log-group-name <group> --unmask --start-time <ms> --end-time <ms> > export.json (gzip allowed).\n`],
    ["a truncated .gz", () => { const p = join(dir, "cut.jsonl.gz"); writeFileSync(p, gzipSync(Array.from({ length: 200 }, (_, i) => EVENT(i)).join("\n")).subarray(0, 300)); return p; }, (p: string) => `error: ${p} is a truncated gzip file (it ends before its data does). Fix: download or copy the export again.\n`],
    ["JSON that is not an export", () => { const p = join(dir, "package.json"); writeFileSync(p, JSON.stringify({ name: "x", version: "1.0.0" }, null, 2)); return p; }, (p: string) => `error: ${p} is JSON, but not the output of aws logs filter-log-events: it has no "events" list. Fix: pass the app's JSON-lines log, or the output of aws logs filter-log-events --log-group-name <group> --unmask --start-time <ms> --end-time <ms> > export.json (gzip allowed).\n`],
    ["an export saved as UTF-16 (Windows PowerShell's > does that)", () => { const p = join(dir, "export-utf16.json"); writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(filterLogEvents([EVENT(1)]), "utf16le")])); return p; }, (p: string) => `error: ${p} is UTF-16 text; an export is read as UTF-8. Fix: save it as UTF-8 (in Windows PowerShell: | Out-File -Encoding utf8), or write it from a shell with > export.json.\n`],
    ["a folder that holds only folders", () => { const p = mkdtempSync(join(dir, "nested-")); mkdirSync(join(p, "app-web-1")); writeFileSync(join(p, "app-web-1", "export.json"), filterLogEvents([EVENT(1)])); return p; }, (p: string) => `error: --logs ${p} holds only folders (app-web-1); the files directly in it are read. Fix: pass the app's JSON-lines log, or the output of aws logs filter-log-events --log-group-name <group> --unmask --start-time <ms> --end-time <ms> > export.json (gzip allowed).\n`],
    ["events indented over several lines (JSON.stringify(event, null, 2))", () => { const p = join(dir, "indented.log"); writeFileSync(p, [1, 2].map((i) => JSON.stringify(JSON.parse(EVENT(i)), null, 2)).join("\n")); return p; }, (p: string) => `error: ${p} holds JSON objects spread over several lines each; the security log is one JSON object per line. Fix: have the logger write each event unindented on one line (JSON.stringify(event), pino or winston's json format).\n`],
    ["a truncated export", () => { const p = join(dir, "cut.json"); writeFileSync(p, filterLogEvents([EVENT(1), EVENT(2)]).slice(0, 200)); return p; }, (p: string) => expect.stringMatching(new RegExp(`^error: ${p.replace(/[.\\/]/g, "\\$&")} is not complete JSON \\(.+\\)\\. Fix: .+\\n$`))],
  ])("exits 2 on %s, with one line and nothing else", async (_, make, message) => {
    const path = make();
    const r = await logsRun(path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toEqual(message(path));
  });
});

describe("event fields that are not vocabulary names", () => {
  it("an event that is not a string is judged, not passed unseen", async () => {
    const file = join(dir, "non-string-events.jsonl");
    writeFileSync(file, [EVENT(1, { event: 42 }), EVENT(2, { event: { name: "authz_fail" } }), EVENT(3, { event: ["authz_fail"] }), EVENT(4, { event: null })].join("\n"));
    const r = await logsRun(file);
    expect(r.doc!.checks.find((c) => c.id === "logs.security-events")).toMatchObject({
      status: "fail",
      summary: "1 event lacks required fields (datetime, appid, event, level, description, source_ip, request_uri, request_method); 3 events use an event name outside the OWASP Logging Vocabulary (of 4)",
      evidence: [`${file}:4: no event`, ...["a number", "an object", "a list"].map((held, i) => `${file}:${i + 1}: "event" holds ${held}, not a name:args string of the OWASP Logging Vocabulary`)],
    });
  });

  it("names that are properties of every JavaScript object are outside the vocabulary, not a crash", async () => {
    const file = join(dir, "prototype-names.jsonl");
    writeFileSync(file, [EVENT(1, { event: "constructor:u-1" }), EVENT(2, { event: "__proto__:u-2" }), EVENT(3, { event: "toString:u-3" })].join("\n"));
    const r = await logsRun(file);
    expect(r.code).toBe(1);
    expect(r.doc!.checks.find((c) => c.id === "logs.security-events")).toMatchObject({ status: "fail", evidence: [1, 2, 3].map((i) => `${file}:${i}: "${["constructor", "__proto__", "toString"][i - 1]}" is not a name of the OWASP Logging Vocabulary`) });
  });
});

describe("an export fetched without --unmask", () => {
  it("does not pass what CloudWatch masked: sensitive data and canaries warn, and a line the mask broke names it", async () => {
    const password = randomBytes(12).toString("base64url");
    const record = join(dir, "masked-record.json");
    const now = new Date();
    writeFileSync(record, JSON.stringify(probeRecord({ marker: "launch-baseline-verify/m1", canaries: [{ label: "wrong password of user a", value: password }], startedAt: now, endedAt: now, outcomes: [] })));
    // As CloudWatch shows it: a JWT in free text masked in place; the PasswordField identifier's
    // match (name, quotes and value) masked, which leaves the line no longer JSON.
    const withPassword = EVENT(3, { password });
    const cut = `"password":"${password}`;
    const lines = [EVENT(1), EVENT(2, { note: `token ${"*".repeat(40)}` }), withPassword.replace(cut, "*".repeat(cut.length))];
    const file = join(dir, "masked.json");
    writeFileSync(file, filterLogEvents(lines));
    const r = await logsRun(file, ["--probe-record", record]);
    const check = (id: string) => r.doc!.checks.find((c) => c.id === id)!;
    const fix = "Fix: fetch the export with aws logs filter-log-events --unmask (needs logs:Unmask); if the app writes the asterisks itself, have it write [Redacted] instead.";
    expect(check("logs.sensitive-data")).toMatchObject({ status: "warn", summary: `no secrets in the visible text of 3 events, but 2 events hold text masked with asterisks, which cannot be judged. ${fix}`, evidence: [`${file} event 2: text masked with asterisks`, `${file} event 3: text masked with asterisks`] });
    expect(check("logs.canaries")).toMatchObject({ status: "warn", summary: `none of the 1 credential the probes sent appears in the visible text, but 2 events hold text masked with asterisks that could hide one. ${fix}` });
    expect(check("logs.security-events")).toMatchObject({ status: "fail", evidence: [`${file} event 3: not a JSON object (it holds masked text: fetch the export with --unmask)`] });
  });
});

describe("the scorecard's Logging and monitoring row", () => {
  it("is partial, with the reason, while the uptime half is unchecked", async () => {
    const file = join(dir, "clean.jsonl");
    writeFileSync(file, `${EVENT(1)}\n`);
    const r = await logsRun(file);
    expect(r.doc!.scorecard.find((a) => a.area === "Logging and monitoring")).toEqual({ area: "Logging and monitoring", status: "partial", reason: "uptime not checked: npm run verify -- --stack <env>" });
  });
});
