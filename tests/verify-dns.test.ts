import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { mtaStsPolicy } from "../lib/email/mta-sts";
import { startKnot, type KnotServer } from "./helpers/knot";
import { makeCa, type TestCa } from "./helpers/test-ca";
import { exportZone } from "./helpers/export-zone";
import { KNOT, skipWithout, titled } from "./helpers/servers";
import { runCli } from "./helpers/run-plan";

// verify's DNS and email checks over the real DNS protocol: the prod zone, exported by the plan
// with a key made here, served by Knot on 127.0.0.1 with Cloudflare's nameserver names.

const CLOUDFLARE_NS = ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"];
// Stand-ins for the provider zones prod's SPF includes (documentation ranges).
const PROVIDERS = { "google.com": '_spf.google.com.\t300\tIN\tTXT\t"v=spf1 ip4:192.0.2.0/24 -all"\n', "amazonses.com": 'amazonses.com.\t300\tIN\tTXT\t"v=spf1 ip4:198.18.0.0/24 -all"\n' };


const verify = (args: string[]) => runCli("verify", args);

describe.skipIf(skipWithout(KNOT))(titled("verify over real DNS", KNOT), () => {
  let good: KnotServer;
  let flawed: KnotServer;
  let ca: TestCa;
  let policyServer: Server;
  let policyPort: number;
  beforeAll(async () => {
    // The MTA-STS policy, as the Worker serves it at https://mta-sts.example.com/.well-known/mta-sts.txt.
    ca = makeCa();
    const policy = mtaStsPolicy("enforce", ["aspmx.l.google.com", "alt1.aspmx.l.google.com", "alt2.aspmx.l.google.com"], 604800);
    policyServer = createServer(ca.issue("mta-sts.example.com"), (req, res) => (req.url === "/.well-known/mta-sts.txt" ? res.writeHead(200, { "content-type": "text/plain" }).end(policy) : res.writeHead(404).end()));
    policyPort = await new Promise<number>((r) => policyServer.listen(0, "127.0.0.1", () => r((policyServer.address() as AddressInfo).port)));
    const zone = exportZone(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString()).replace(/^\$ORIGIN.*\n|^\$TTL.*\n/gm, "");
    good = await startKnot({ "example.com": zone, ...PROVIDERS }, { "example.com": CLOUDFLARE_NS });
    const broken = zone
      .replace(/^_dmarc\.example\.com\..*\n/m, "")
      .replace(/"v=spf1 ip4:203\.0\.113\.25 include:_spf\.google\.com -all"/, '"v=spf1 ip4:203.0.113.25 include:_spf.google.com +all"')
      .replace(/^example\.com\.\s+\d+\s+IN\s+CAA\s+0 iodef.*\n/m, "")
      .replace(/^app2026\._domainkey\.example\.com\..*\n/m, "")
      .replace(/^_smtp\._tls\.example\.com\..*\n/m, "");
    flawed = await startKnot({ "example.com": broken, ...PROVIDERS }, { "example.com": ["ns1.example.net"] });
  });
  afterAll(() => {
    policyServer?.close();
    good?.stop();
    flawed?.stop();
  });

  it("passes every DNS and email check on the good zone, with the scorecard", async () => {
    const r = await verify(["--stack", "prod", "--dns-server", `127.0.0.1:${good.port}`, "--resolve", `mta-sts.example.com:${policyPort}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", "dns.nameservers,dns.caa,email", "--json"]);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(doc.target).toBe("example.com");
    expect(doc.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ["dns.nameservers", "pass"],
      ["dns.caa", "pass"],
      ["email.spf", "pass"],
      ["email.dkim", "pass"],
      ["email.dmarc", "pass"],
      // No aggregate reports given (--dmarc-reports): nothing to judge the next step by.
      ["email.dmarc-reports", "skip"],
      ["email.tls-rpt", "pass"],
      ["email.mta-sts", "pass"],
      ["email.message", "skip"],
    ]);
    expect(doc.checks.find((c: { id: string }) => c.id === "email.mta-sts").evidence[2]).toBe("mode enforce, mx aspmx.l.google.com, alt1.aspmx.l.google.com, alt2.aspmx.l.google.com, max_age 604800");
    expect(doc.checks.find((c: { id: string }) => c.id === "email.dkim").evidence).toEqual(["google._domainkey.example.com: RSA 2048 bits", "app2026._domainkey.example.com: RSA 2048 bits"]);
    const spfCheck = doc.checks.find((c: { id: string }) => c.id === "email.spf");
    expect(spfCheck.summary).toBe("SPF ends in -all within 1 of 10 lookups");
    expect(spfCheck.evidence[2]).toBe("mailauth: fail for an unlisted sender, 1 lookups, 0 void");
    expect(doc.scorecard).toEqual([
      { area: "Authentication", status: "not checked" },
      { area: "Authorization", status: "not checked" },
      { area: "Input validation", status: "not checked" },
      { area: "Secrets handling", status: "not checked" },
      { area: "Rate limiting", status: "not checked" },
      { area: "CORS and CSRF", status: "not checked" },
      { area: "Email security", status: "pass" },
      { area: "Transport security", status: "pass" },
      { area: "Logging and monitoring", status: "not checked" },
      { area: "Deployment hygiene", status: "not checked" },
    ]);
  });

  it("fails each check on its flaw, naming the runbook, and exits 1", async () => {
    const r = await verify(["--stack", "prod", "--dns-server", `127.0.0.1:${flawed.port}`, "--checks", "dns.nameservers,dns.caa,email.spf,email.dkim,email.dmarc,email.tls-rpt"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(6); // progress, one line per check
    // The same zone without the policy served: MTA-STS fails on its own.
    const mtaSts = await verify(["--stack", "prod", "--dns-server", `127.0.0.1:${flawed.port}`, "--checks", "email.mta-sts", "--json"]);
    expect(JSON.parse(mtaSts.stdout).checks[0]).toMatchObject({ id: "email.mta-sts", status: "fail" });
    expect(r.stdout).toContain("  fail  dns.nameservers         example.com is not (only) served by Cloudflare, so the edge settings do not apply\n        runbook: runbooks/dns-or-dnssec-misconfiguration.md\n");
    expect(r.stdout).toContain('  fail  email.spf               "+all" lets any server send as this domain; end with -all\n');
    expect(r.stdout).toContain("  fail  email.dmarc             no DMARC record at _dmarc.example.com\n");
    expect(r.stdout).toContain("  warn  dns.caa                 CAA limits issuance to letsencrypt.org, pki.goog, ssl.com but names no iodef contact\n");
    expect(r.stdout).toContain("  fail  email.dkim              a DKIM selector has no valid 2048-bit key\n");
    expect(r.stdout).toContain("  warn  email.tls-rpt           no TLS-RPT record: failures of mail delivery over TLS go unreported\n");
    expect(r.stdout).toContain("Email security: fail\n");
    expect(r.stdout.trimEnd().split("\n").pop()).toBe("Result: 4 checks failed");
  });

  it("a server that never answers fails the checks within the budget instead of hanging", async () => {
    const started = Date.now();
    // Nothing listens on 127.0.0.1:9 (discard): every lookup errors or times out on loopback.
    const r = await verify(["--domain", "example.com", "--dns-server", "127.0.0.1:9", "--timeout", "500", "--budget", "3000", "--checks", "dns.nameservers,dns.caa,email", "--json"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.checks.every((c: { status: string }) => c.status === "fail" || c.status === "skip")).toBe(true);
  });
});

describe.skipIf(skipWithout(KNOT))(titled("dns.dnssec against Knot signing the zone", KNOT), () => {
  const child = "staging.example.com";
  const parentWithDs = `${child}.\t300\tIN\tNS\tada.ns.cloudflare.com.\n${child}.\t300\tIN\tDS\t2371 13 2 ${"ab".repeat(32)}\n`;
  const childZone = `${child}.\t300\tIN\tTXT\t"v=spf1 -all"\n`;
  const servers: KnotServer[] = [];
  afterAll(() => servers.forEach((s) => s.stop()));
  const dnssec = async (signed: boolean, withDs: boolean) => {
    const knot = await startKnot({ "example.com": withDs ? parentWithDs : `${child}.\t300\tIN\tNS\tada.ns.cloudflare.com.\n`, [child]: childZone }, {}, signed ? [child] : []);
    servers.push(knot);
    // Knot signs on start; give it a moment before asking for the keys.
    await new Promise((r) => setTimeout(r, 500));
    const r = await verify(["--domain", child, "--dns-server", `127.0.0.1:${knot.port}`, "--checks", "dns.dnssec", "--json"]);
    return JSON.parse(r.stdout).checks[0] as { status: string; summary: string };
  };

  it("passes a signed zone whose parent holds its DS", async () => {
    expect(await dnssec(true, true)).toMatchObject({ status: "pass", summary: "the zone is signed and the parent holds its DS record" });
  });
  it("fails a signed zone without DS at the parent, and an unsigned zone", async () => {
    expect(await dnssec(true, false)).toMatchObject({ status: "fail", summary: "the zone is signed but the parent has no DS record: give the registrar the stack's dsRecord output" });
    expect(await dnssec(false, true)).toMatchObject({ status: "fail", summary: "staging.example.com is not signed (no DNSKEY)" });
  });
});

describe("verify usage", () => {
  it("prints Markdown for a pull request or an issue", async () => {
    const r = await verify(["--domain", "example.com", "--dns-server", "127.0.0.1:9", "--timeout", "300", "--checks", "dns.caa"]);
    void r;
    const md = await verify(["--domain", "example.com", "--dns-server", "127.0.0.1:9", "--timeout", "300", "--checks", "dns.caa", "--markdown"]);
    expect(md.stdout.split("\n").slice(0, 4)).toEqual(["### verify example.com", "", "| area | status |", "|---|---|"]);
    expect(md.stdout).toContain("| Transport security | fail |");
    expect(md.stdout).toMatch(/\| `dns\.caa` \| fail \| .+ \| runbooks\/tls-certificate-failure\.md \|/);
  });

  it("needs a target", async () => {
    const r = await verify([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: say what to verify. Fix: npm run verify -- --stack prod, or --domain example.com, or --probes probes.yaml, or --logs export.json.\n");
  });
});
