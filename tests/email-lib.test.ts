import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dkimRecordFromPem, parseDkimKey } from "../lib/email/dkim";
import { buildDmarc, externalReportAuthorization, isEnforcing, parseDmarc } from "../lib/email/dmarc";
import { mtaStsId, mtaStsPolicy, mxCovered, parseMtaStsPolicy } from "../lib/email/mta-sts";
import { buildSpf, countLookups, lintSpf } from "../lib/email/spf";
import { planSpf } from "../lib/email/spf-plan";
import { joinTxt, txtContent, txtStrings } from "../lib/email/txt";
import { runPlan } from "./helpers/run-plan";
import { parseZone } from "./helpers/zone";

describe("TXT strings", () => {
  it("splits long values into quoted strings of 255 and joins every form back", () => {
    const long = "a".repeat(300) + '"b\\';
    const content = txtContent(long);
    expect(txtStrings(content).map((s) => s.length)).toEqual([255, 48]);
    expect(joinTxt(content)).toBe(long);
    expect(txtContent("v=spf1 -all")).toBe("v=spf1 -all");
    expect(joinTxt('"v=spf1 " "-all"')).toBe("v=spf1 -all");
  });
});

describe("SPF lint, as checkdmarc and internet.nl flag", () => {
  it.each([
    ["v=spf1 ptr -all", ['warning: "ptr" is slow and unreliable (RFC 7208 5.5); list the addresses or includes instead']],
    ["v=spf1 mx", ['error: no "all" term: mail from any server is neutral; end with -all']],
    ["v=spf1 redirect=_spf.example.net", []],
    ["v=spf1 ip4:10.0.0.0/33 -all", ['error: ip4: "10.0.0.0/33" is not an IPv4 address or network']],
    [`v=spf1 ${"ip4:203.0.113.1 ".repeat(30)}-all`, ["warning: 491 characters; keep SPF under about 450 so the answer fits in one UDP packet"]],
  ])("%s", (record, expected) => {
    expect(lintSpf(record).map((l) => `${l.severity}: ${l.message}`)).toEqual(expected);
  });

  it("builds addresses before includes and counts what each profile's include costs", () => {
    expect(buildSpf({ includes: ["a.example"], ip4: ["192.0.2.1"], all: "-all" })).toBe("v=spf1 ip4:192.0.2.1 include:a.example -all");
    expect(planSpf("example.com", [{ provider: "google-workspace" }, { provider: "mailgun" }, { provider: "amazon-ses" }], "-all")).toEqual([
      { name: "example.com", value: "v=spf1 include:_spf.google.com include:mailgun.org -all", lookups: 6, senders: ["google-workspace", "mailgun"] },
      { name: "mail.example.com", value: "v=spf1 include:amazonses.com -all", lookups: 1, senders: ["amazon-ses"] },
    ]);
  });

  it("counts lookups recursively and stops at a void-lookup limit", async () => {
    const zone: Record<string, string[]> = { "example.com": ["v=spf1 include:a.example.net a:gone1.example.com a:gone2.example.com a:gone3.example.com -all"], "a.example.net": ["v=spf1 include:b.example.net -all"], "b.example.net": ["v=spf1 ip4:192.0.2.0/24 -all"] };
    const resolver = { txt: async (n: string) => zone[n], mx: async () => undefined, a: async () => undefined };
    expect(await countLookups("example.com", resolver)).toEqual({ lookups: 5, voidLookups: 3, error: "more than 2 void lookups" });
    zone["example.com"] = ["v=spf1 include:a.example.net -all"];
    expect(await countLookups("example.com", resolver)).toEqual({ lookups: 2, voidLookups: 0 });
  });
});

describe("DMARC", () => {
  it("parses, builds and judges enforcement", () => {
    const value = buildDmarc({ p: "reject", sp: "quarantine", rua: ["mailto:d@example.com"], ruf: ["mailto:f@example.com"], adkim: "s", aspf: "r" });
    expect(value).toBe("v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com; ruf=mailto:f@example.com; fo=1; adkim=s; aspf=r");
    const parsed = parseDmarc(value);
    expect(parsed.errors).toEqual([]);
    expect(isEnforcing(parsed.record!)).toBe(true);
    expect(isEnforcing(parseDmarc("v=DMARC1; p=reject; pct=50").record!)).toBe(false);
  });

  it.each([
    ["v=DMARC1; p=block", ["p=block is not none, quarantine or reject"]],
    ["v=DMARC1; p=none; adkim=x; pct=101; fo=2", ["adkim=x must be r (relaxed) or s (strict)", "pct=101 must be a whole number from 0 to 100", 'fo=2 must be 0, 1, d or s, separated by ":"']],
    ["v=DMARC1; p=none; p=reject", ['tag "p" appears twice']],
  ])("flags %s", (value, errors) => {
    expect(parseDmarc(value).errors).toEqual(errors);
  });

  it("warns on unknown tags and a missing rua", () => {
    expect(parseDmarc("v=DMARC1; p=none; foo=bar").warnings).toEqual(['unknown tag "foo"', "no rua: nobody receives aggregate reports"]);
  });

  it("names the authorization record a report domain outside the organization must publish", () => {
    expect(externalReportAuthorization("example.com", "mailto:d@reports.example.net")).toEqual({ name: "example.com._report._dmarc.reports.example.net", value: "v=DMARC1" });
    expect(externalReportAuthorization("staging.example.com", "mailto:d@example.com")).toBeUndefined();
    expect(externalReportAuthorization("example.co.uk", "mailto:d@other.co.uk")).toEqual({ name: "example.co.uk._report._dmarc.other.co.uk", value: "v=DMARC1" });
  });
});

describe("DKIM keys", () => {
  it("measures the key in a record made from a PEM public key", () => {
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(parseDkimKey(dkimRecordFromPem(pem)).record?.bits).toBe(2048);
    expect(parseDkimKey("v=DKIM1; k=rsa; p=bm90LWEta2V5").errors).toEqual(["p= is not a valid RSA public key"]);
  });
});

describe("MTA-STS", () => {
  it("builds a policy whose id changes with it, and matches MX hosts against its patterns", () => {
    const a = mtaStsPolicy("enforce", ["mx1.example.com"], 604800);
    expect(parseMtaStsPolicy(a)).toEqual({ mode: "enforce", mx: ["mx1.example.com"], maxAge: 604800, errors: [] });
    expect(mtaStsId(a)).not.toBe(mtaStsId(mtaStsPolicy("testing", ["mx1.example.com"], 604800)));
    expect(mxCovered("mx1.example.com", ["*.example.com"])).toBe(true);
    expect(mxCovered("a.mx1.example.com", ["*.example.com"])).toBe(false);
  });
});

describe("plan --zone-file", () => {
  it("writes the prod zone as a standard zone file", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "lb-zone-")), "prod.zone");
    const r = await runPlan(["--stack", "prod", "--zone-file", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote 17 records to ${out}\n`);
    const records = parseZone(readFileSync(out, "utf8"));
    expect(records.filter((x) => x.name === "example.com" && x.type === "TXT").map((x) => x.data)).toEqual([["v=spf1 ip4:203.0.113.25 include:_spf.google.com -all"]]);
    expect(records.find((x) => x.name === "google._domainkey.example.com")!.data.map((s) => s.length)).toEqual([255, 155]);
    // Proxied hosts and the apex CNAME are comments: a standard zone cannot hold them.
    expect(records.some((x) => x.type === "CNAME")).toBe(false);
    expect(readFileSync(out, "utf8")).toContain("; app.example.com. CNAME prod-web-1842113567.eu-west-1.elb.amazonaws.com. (proxied: Cloudflare answers with its own addresses)");
  });

  it("needs --stack", async () => {
    const r = await runPlan(["--zone-file", "x.zone"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: --zone-file needs --stack: a zone file holds one stack's zone. Fix: add --stack <name>.\n");
    expect(existsSync("x.zone")).toBe(false);
  });
});
