import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServer } from "./helpers/dns-server";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { editedStacks, runCli, runPlan, ROOT } from "./helpers/run-plan";
import { parseZone } from "./helpers/zone";

// A plan against a realistic existing zone, from both of Cloudflare's export formats: the
// conflicts and warnings it must report, the records and ruleset it adopts, and the clean-up list.

const FIXTURES = "tests/fixtures/existing-zone";
const JSON_EXPORT = ["--existing-zone", `${FIXTURES}/dns-records.json`, "--existing-zone", `${FIXTURES}/rulesets.json`];
const BIND_EXPORT = ["--existing-zone", `${FIXTURES}/zone.bind`, "--existing-zone", `${FIXTURES}/rulesets.json`];
const ZONE = "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b";
const idAt = (line: number) => {
  const doc = JSON.parse(readFileSync(join(ROOT, FIXTURES, "dns-records.json"), "utf8")) as { result: Array<{ id: string }> };
  const text = readFileSync(join(ROOT, FIXTURES, "dns-records.json"), "utf8").split("\n");
  // The record whose object starts on `line`.
  const index = text.slice(0, line).filter((l) => l === "    {").length - 1;
  return doc.result[index].id;
};
const rulesetId = (phase: string) => (JSON.parse(readFileSync(join(ROOT, FIXTURES, "rulesets.json"), "utf8")) as { result: Array<{ id: string; phase: string }> }).result.find((r) => r.phase === phase)!.id;

interface ZoneDoc {
  resources: Array<{ name: string; import?: string }>;
  policy: { violations: Array<{ policy: string; enforcementLevel: string; urn: string | null; message: string }> };
  existingZone: {
    imports: Array<{ resource: string; type: string; id: string; inConfig: boolean }>;
    leftAlone: Array<{ name: string; type: string; at: string }>;
    rulesetsLeftAlone: Array<{ phase: string }>;
    unknownTypes: Array<{ name: string; type: string; at: string }>;
    cleanup: Record<string, unknown> & { dangling: { checked: boolean; items: Array<{ record: string; why: string }> } };
  };
  passed: boolean;
}

const zoneFindings = (doc: ZoneDoc) => doc.policy.violations.filter((v) => v.policy.startsWith("zone-")).map((v) => [v.policy, v.enforcementLevel, v.urn?.split("::").pop() ?? null, v.message]);

const f = (file: string, line: number) => `${FIXTURES}/${file}:${line}`;
const expectedFindings = (file: string, lines: Record<string, number>, bind: boolean) => [
  ...(bind ? [["zone-record-conflict", "mandatory", "edge-caa-issue-letsencrypt-org", `CAA example.com 0 issue "letsencrypt.org" already exists (${f(file, lines.caa)}); Cloudflare refuses an identical duplicate, and a BIND export has no record id to import it by. Fix: give --existing-zone the API's JSON export (or use --cloudflare-api) so it is adopted.`]] : []),
  ["zone-record-conflict", "mandatory", "edge-host-apex", `CNAME example.com prod-web-1842113567.eu-west-1.elb.amazonaws.com collides with the existing A example.com 198.51.100.20 (${f(file, lines.apexA)}): Cloudflare refuses an address record beside the apex's flattened CNAME. Fix: delete or change the existing record before pulumi up, after checking what still uses it.`],
  ...(bind ? [["zone-record-conflict", "mandatory", "edge-host-www", `CNAME www.example.com example.com already exists (${f(file, lines.www)}); Cloudflare refuses an identical duplicate, and a BIND export has no record id to import it by. Fix: give --existing-zone the API's JSON export (or use --cloudflare-api) so it is adopted.`]] : []),
  ["zone-record-conflict", "mandatory", "edge-host-app", `CNAME app.example.com prod-web-1842113567.eu-west-1.elb.amazonaws.com collides with the existing A app.example.com 198.51.100.10 (${f(file, lines.appA)}): Cloudflare refuses a CNAME beside any other record at a name. Fix: delete or change the existing record before pulumi up, after checking what still uses it.`],
  ["zone-second-spf-or-dmarc", "mandatory", "email-spf-apex", `example.com already has an SPF record (${f(file, lines.spf)}: "v=spf1 include:_spf.google.com include:servers.mcsv.net ~all"); the planned one would be a second, and SPF fails with permerror for every message. Fix: delete the old record before pulumi up, once its senders are listed in the config.`],
  ["zone-second-spf-or-dmarc", "mandatory", "email-dmarc", `_dmarc.example.com already has a DMARC record (${f(file, lines.dmarc)}: "v=DMARC1; p=none; rua=mailto:dmarc@example.com"); the planned one would be a second, and receivers find two DMARC records and apply no policy at all. Fix: delete the old record before pulumi up.`],
  ...(bind ? [["zone-record-conflict", "mandatory", "email-mx-0", `MX example.com 1 aspmx.l.google.com already exists (${f(file, lines.mxGoogle)}); Cloudflare refuses an identical duplicate, and a BIND export has no record id to import it by. Fix: give --existing-zone the API's JSON export (or use --cloudflare-api) so it is adopted.`]] : []),
  ["zone-unlisted-mx", "mandatory", "email-mx-0", `MX example.com 10 mx.oldmail.example.net (${f(file, lines.mxOld)}) is not in launch-baseline:email mx: mail for example.com would be split between mx.oldmail.example.net and aspmx.l.google.com, alt1.aspmx.l.google.com, alt2.aspmx.l.google.com. Fix: list it if it still receives mail, or delete it once the mailboxes have moved.`],
  ["zone-unlisted-sender", "mandatory", "email-spf-apex", `example.com's SPF (${f(file, lines.spf)}) allows include:servers.mcsv.net (Mailchimp (Mandrill)), a sender the config does not list: its mail would fail SPF once the planned record replaces this one. Fix: add it under launch-baseline:email senders, or confirm it no longer sends.`],
  ["zone-unlisted-sender", "mandatory", null, `DKIM selector k1 (k1._domainkey.example.com, ${f(file, lines.dkim)}) signs for Mailchimp (Mandrill) the config does not list: once DMARC enforces, its mail fails unless its SPF or this key stays aligned. Fix: add the sender under launch-baseline:email senders, or delete the key if it no longer sends.`],
  ["zone-origin-exposed", "mandatory", null, `CNAME direct.example.com prod-web-1842113567.eu-west-1.elb.amazonaws.com (${f(file, lines.direct)}) is not proxied and points at a proxied host's origin: anyone can reach the origin around the edge. Fix: delete the record or proxy it.`],
  ["zone-ruleset-exists", "advisory", "abuse-rate-limits", `the zone already has an entrypoint ruleset for http_ratelimit ("default", ${rulesetId("http_ratelimit")}, ${f("rulesets.json", 3)}); it is adopted by import and its rules are replaced by the stack's 5. Fix: review its rules in the dashboard first; move any still needed into the config.`],
];

const JSON_LINES = { apexA: 3, appA: 18, www: 33, direct: 48, promo: 63, mxGoogle: 108, mxOld: 124, spf: 140, dmarc: 155, dkim: 170, caa: 230 };
const BIND_LINES = { apexA: 14, appA: 15, caa: 18, www: 21, direct: 22, promo: 23, mxGoogle: 29, mxOld: 30, dkim: 26, spf: 36, dmarc: 37 };

let dns: DnsServer | undefined;
afterAll(() => dns?.close());

describe("plan against an existing zone", () => {
  it("from the API's JSON: exactly the expected findings, the identical records and the ruleset adopted with their ids, the rest left alone", async () => {
    const r = await runPlan(["--stack", "prod", ...JSON_EXPORT, "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ZoneDoc;
    expect(zoneFindings(doc)).toEqual(expectedFindings("dns-records.json", JSON_LINES, false));
    expect(doc.existingZone.imports.map(({ resource, type, id, inConfig }) => ({ resource, type, id, inConfig }))).toEqual([
      { resource: "edge-caa-issue-letsencrypt-org", type: "DnsRecord", id: `${ZONE}/${idAt(JSON_LINES.caa)}`, inConfig: false },
      { resource: "edge-host-www", type: "DnsRecord", id: `${ZONE}/${idAt(JSON_LINES.www)}`, inConfig: false },
      { resource: "email-mx-0", type: "DnsRecord", id: `${ZONE}/${idAt(JSON_LINES.mxGoogle)}`, inConfig: false },
      { resource: "abuse-rate-limits", type: "Ruleset", id: `zones/${ZONE}/${rulesetId("http_ratelimit")}`, inConfig: false },
    ]);
    expect(doc.existingZone.leftAlone.map((x) => `${x.type} ${x.name}`)).toEqual([
      "A example.com", "A app.example.com", "CNAME direct.example.com", "CNAME promo.example.com", "CNAME status.example.com", "CNAME *.preview.example.com", "MX example.com",
      "TXT example.com", "TXT _dmarc.example.com", "CNAME k1._domainkey.example.com", "TXT example.com", "TXT example.com", "TXT _acme-challenge.example.com",
    ]);
    expect(doc.existingZone.rulesetsLeftAlone.map((x) => x.phase)).toEqual(["http_request_firewall_custom", "ddos_l7"]);
    // Reported, never dropped in silence.
    expect(doc.existingZone.unknownTypes).toEqual([{ name: "example.com", type: "OPENPGPKEY", at: `${FIXTURES}/dns-records.json:250` }]);
    const c = doc.existingZone.cleanup as Record<string, Array<{ record: string; at: string; why: string }>> & { dangling: { checked: boolean; items: unknown[] } };
    expect(c.duplicates).toEqual([{ record: "TXT example.com google-site-verification=launch-baseline-fixture-site-token", at: f("dns-records.json", 200), why: `repeats ${f("dns-records.json", 185)}` }]);
    expect(c.dangling).toEqual({ checked: false, items: [{ record: "CNAME promo.example.com example-spring-promo.azurewebsites.net", at: f("dns-records.json", 63), why: "points at Microsoft Azure, which is open to takeover if the target is gone: not checked (give --dns-server)" }] });
    expect(c.wildcards.map((i) => i.record)).toEqual(["CNAME *.preview.example.com preview-builds.example.net"]);
    expect(c.exposingOrigin.map((i) => i.record)).toEqual(["CNAME direct.example.com prod-web-1842113567.eu-west-1.elb.amazonaws.com"]);
    expect(c.staleVerification.map((i) => [i.at, i.why.replace(/\d+ days/, "N days")])).toEqual([
      [f("dns-records.json", 185), "a domain-verification token unchanged for N days: remove it unless the service re-checks it"],
      [f("dns-records.json", 200), "a domain-verification token unchanged for N days: remove it unless the service re-checks it"],
      [f("dns-records.json", 215), "an ACME challenge answer: needed only while a certificate is issued"],
    ]);
  });

  it("from the dashboard's BIND export: the same findings, and identical records are conflicts because it has no record ids", async () => {
    const r = await runPlan(["--stack", "prod", ...BIND_EXPORT, "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ZoneDoc;
    expect(zoneFindings(doc)).toEqual(expectedFindings("zone.bind", BIND_LINES, true));
    expect(doc.existingZone.imports.map((i) => i.resource)).toEqual(["abuse-rate-limits"]);
    expect(doc.existingZone.unknownTypes).toEqual([{ name: "example.com", type: "OPENPGPKEY", at: `${FIXTURES}/zone.bind:33` }]);
    expect(doc.existingZone.cleanup.dangling.items.map((i) => i.record)).toEqual(["CNAME promo.example.com example-spring-promo.azurewebsites.net"]);
  });

  it("--write-adopt puts the imports in the stack file; the next plan imports them (= import) and passes", async () => {
    const dir = editedStacks("prod", (y) => y);
    const first = await runPlan(["--stack", "prod", "--stacks-dir", dir, ...JSON_EXPORT, "--write-adopt"]);
    expect(first.stderr).toBe(`wrote 4 imports to ${join(dir, "Pulumi.prod.yaml")} (launch-baseline:adopt): run pulumi up once with them, then remove the key\n`);
    const yaml = readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8");
    expect(yaml).toContain(`  launch-baseline:adopt:\n    edge-caa-issue-letsencrypt-org: ${ZONE}/${idAt(JSON_LINES.caa)}\n    edge-host-www: ${ZONE}/${idAt(JSON_LINES.www)}\n    email-mx-0: ${ZONE}/${idAt(JSON_LINES.mxGoogle)}\n    abuse-rate-limits: zones/${ZONE}/${rulesetId("http_ratelimit")}\n`);
    const second = await runPlan(["--stack", "prod", "--stacks-dir", dir, "--json"]);
    const doc = JSON.parse(second.stdout) as ZoneDoc;
    expect(doc.resources.filter((x) => x.import).map((x) => [x.name, x.import])).toEqual([
      ["abuse-rate-limits", `zones/${ZONE}/${rulesetId("http_ratelimit")}`],
      ["edge-caa-issue-letsencrypt-org", `${ZONE}/${idAt(JSON_LINES.caa)}`],
      ["edge-host-www", `${ZONE}/${idAt(JSON_LINES.www)}`],
      ["email-mx-0", `${ZONE}/${idAt(JSON_LINES.mxGoogle)}`],
    ]);
    expect(second.code).toBe(0);
    const text = await runPlan(["--stack", "prod", "--stacks-dir", dir]);
    expect(text.stdout).toMatch(/^ = .*cloudflare:index\/dnsRecord:DnsRecord\s+edge-host-www\s+import {2}CNAME www\.example\.com example\.com \(proxied\)$/m);
    expect(text.stdout).toMatch(/Resources: \+ \d+ to create, = 4 to import \(offline plan; nothing was deployed\)/);
  });

  it("with --dns-server, dangling CNAMEs are judged by live DNS", async () => {
    // The origin and the status page answer; Mailchimp's DKIM host exists with a TXT record only
    // (NODATA for A, still not dangling); the Azure app and the preview host are gone.
    dns = await startDnsServer(parseZone(["stats.uptimerobot.com.\t300\tIN\tA\t192.0.2.80", "prod-web-1842113567.eu-west-1.elb.amazonaws.com.\t60\tIN\tA\t192.0.2.10", 'dkim.mcsv.net.\t300\tIN\tTXT\t"v=DKIM1; k=rsa; p=MIIB"', ""].join("\n")));
    const r = await runPlan(["--stack", "prod", ...JSON_EXPORT, "--dns-server", `127.0.0.1:${dns.port}`, "--json"]);
    const doc = JSON.parse(r.stdout) as ZoneDoc;
    expect(doc.existingZone.cleanup.dangling).toEqual({
      checked: true,
      items: [
        { record: "CNAME promo.example.com example-spring-promo.azurewebsites.net", at: f("dns-records.json", 63), why: "example-spring-promo.azurewebsites.net does not exist (NXDOMAIN): anyone can claim it on Microsoft Azure and serve content as promo.example.com. Delete the record." },
        { record: "CNAME *.preview.example.com preview-builds.example.net", at: f("dns-records.json", 93), why: "preview-builds.example.net does not exist (NXDOMAIN): the name is broken. Delete the record." },
      ],
    });
    expect(dns.queries).toEqual(expect.arrayContaining(["A example-spring-promo.azurewebsites.net", "A stats.uptimerobot.com", "A preview-builds.example.net"]));
  });

  it("the handover includes the clean-up list", async () => {
    const out = mkdtempSync(join(tmpdir(), "lb-handover-"));
    const r = await runCli("handover", ["--stack", "prod", ...JSON_EXPORT, "--out", out]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, "handover-prod.md"), "utf8");
    const section = md.slice(md.indexOf("## Zone clean-up"), md.indexOf("## ", md.indexOf("## Zone clean-up") + 3));
    expect(section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| kind")).map((l) => l.split(" | ").slice(0, 3).join(" | "))).toEqual([
      `| Duplicates | TXT example.com google-site-verification=launch-baseline-fixture-site-token | ${f("dns-records.json", 200)}`,
      `| CNAMEs to takeover-prone services (not checked: no --dns-server) | CNAME promo.example.com example-spring-promo.azurewebsites.net | ${f("dns-records.json", 63)}`,
      `| Wildcards | CNAME *.preview.example.com preview-builds.example.net | ${f("dns-records.json", 93)}`,
      `| Records exposing the origin | CNAME direct.example.com prod-web-1842113567.eu-west-1.elb.amazonaws.com | ${f("dns-records.json", 48)}`,
      `| Stale verification records | TXT example.com google-site-verification=launch-baseline-fixture-site-token | ${f("dns-records.json", 185)}`,
      `| Stale verification records | TXT example.com google-site-verification=launch-baseline-fixture-site-token | ${f("dns-records.json", 200)}`,
      `| Stale verification records | TXT _acme-challenge.example.com launch-baseline-fixture-acme-answer | ${f("dns-records.json", 215)}`,
    ]);
  });
});
