import { Resolver } from "node:dns/promises";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startKnot, type KnotServer } from "./helpers/knot";
import { ROOT, runCli } from "./helpers/run-plan";
import { readZoneFiles } from "../lib/zone/load";
import { KNOT, skipWithout, titled } from "./helpers/servers";

// The live zone, served by Knot: dns.dangling asks every CNAME of the export, and email.spf and
// email.dmarc catch the second SPF and DMARC records a hand-edited zone collects.

const servers: KnotServer[] = [];
afterAll(() => servers.forEach((s) => s.stop()));
const dir = mkdtempSync(join(tmpdir(), "lb-zone-knot-"));

const CLEAN = [
  'example.com.\t300\tIN\tTXT\t"v=spf1 ip4:192.0.2.0/24 -all"',
  '_dmarc.example.com.\t300\tIN\tTXT\t"v=DMARC1; p=reject; rua=mailto:dmarc@example.com"',
  "promo.example.com.\t300\tIN\tCNAME\texample-spring-promo.azurewebsites.net.",
  "status.example.com.\t300\tIN\tCNAME\tstats.example.net.",
];
const DIRTY = [...CLEAN, 'example.com.\t300\tIN\tTXT\t"v=spf1 include:servers.mcsv.net ~all"', '_dmarc.example.com.\t300\tIN\tTXT\t"v=DMARC1; p=none"'];

async function verifyZone(records: string[], promoExists: boolean) {
  const knot = await startKnot({
    "example.com": `${records.join("\n")}\n`,
    // The services' own zones, so a missing target is an authoritative NXDOMAIN.
    "azurewebsites.net": promoExists ? "example-spring-promo.azurewebsites.net.\t300\tIN\tA\t192.0.2.44\n" : "",
    "example.net": "stats.example.net.\t300\tIN\tA\t192.0.2.45\n",
  });
  servers.push(knot);
  // The export lists the CNAMEs verify asks live.
  const exported = join(dir, `zone-${servers.length}.bind`);
  writeFileSync(exported, `${records.join("\n")}\n`);
  const r = await runCli("verify", ["--domain", "example.com", "--dns-server", `127.0.0.1:${knot.port}`, "--existing-zone", exported, "--checks", "dns.dangling,email.spf,email.dmarc", "--json"]);
  return { code: r.code, checks: Object.fromEntries((JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; summary: string }> }).checks.map((c) => [c.id, { status: c.status, summary: c.summary }])) };
}

describe.skipIf(skipWithout(KNOT))(titled("the live zone on Knot", KNOT), () => {
  it("passes a clean zone", async () => {
    const r = await verifyZone(CLEAN, true);
    expect(r.checks["dns.dangling"]).toEqual({ status: "pass", summary: "2 CNAMEs checked; every target exists" });
    expect(r.checks["email.spf"].status).toBe("pass");
    expect(r.checks["email.dmarc"].status).toBe("pass");
    expect(r.code).toBe(0);
  });

  it("fails the dangling CNAME and the second SPF and DMARC records", async () => {
    const r = await verifyZone(DIRTY, false);
    expect(r.checks["dns.dangling"]).toEqual({ status: "fail", summary: "dangling CNAME open to takeover (target does not exist): promo.example.com -> example-spring-promo.azurewebsites.net on Microsoft Azure. Delete it." });
    expect(r.checks["email.spf"]).toEqual({ status: "fail", summary: "example.com publishes 2 SPF records (permerror)" });
    expect(r.checks["email.dmarc"]).toEqual({ status: "fail", summary: "2 DMARC records" });
    expect(r.code).toBe(1);
  });

  it("skips, never passes, when no listed name answers with a CNAME any more", async () => {
    const knot = await startKnot({ "example.com": "www.example.com.\t300\tIN\tA\t192.0.2.10\n" });
    servers.push(knot);
    const exported = join(dir, "gone.bind");
    writeFileSync(exported, "www.example.com.\t1\tIN\tCNAME\tapp.example.net.\n");
    const r = await runCli("verify", ["--domain", "example.com", "--dns-server", `127.0.0.1:${knot.port}`, "--existing-zone", exported, "--checks", "dns.dangling", "--json"]);
    expect((JSON.parse(r.stdout) as { checks: Array<{ status: string; summary: string }> }).checks[0]).toMatchObject({ status: "skip", summary: "no listed name answers with a CNAME (proxied hosts answer with the edge's addresses); give --existing-zone <export> to ask the zone's other CNAMEs" });
  });

  it("reads the BIND export as Knot, a real authoritative server, serves it", async () => {
    // The fixture's records as Knot loads them (its own SOA and NS; the OPENPGPKEY line, whose
    // data is not a key, left out), asked over DNS and compared with what the reader made of them.
    const text = readFileSync(join(ROOT, "tests/fixtures/existing-zone/zone.bind"), "utf8");
    const body = text.split("\n").filter((l) => !/\tIN\t(SOA|OPENPGPKEY)\t/.test(l)).join("\n");
    const knot = await startKnot({ "example.com": body });
    servers.push(knot);
    const resolver = new Resolver();
    resolver.setServers([`127.0.0.1:${knot.port}`]);
    const read = readZoneFiles([join(ROOT, "tests/fixtures/existing-zone/zone.bind")], "example.com").records;
    const served = async (r: (typeof read)[number]): Promise<string[]> => {
      switch (r.type) {
        case "A":
          return resolver.resolve4(r.name);
        case "CNAME":
          return resolver.resolveCname(r.name);
        case "MX":
          return (await resolver.resolveMx(r.name)).map((m) => `${m.priority} ${m.exchange}`);
        case "TXT":
          return (await resolver.resolveTxt(r.name)).map((parts) => parts.join(""));
        case "CAA":
          return (await resolver.resolveCaa(r.name)).map((c) => `${c.critical} issue "${c.issue}"`);
        default:
          return [];
      }
    };
    for (const r of read) expect(await served(r), `${r.type} ${r.name} (${r.at})`).toContain(r.type === "MX" ? `${r.priority} ${r.content}` : r.content);
    expect(read).toHaveLength(16);
  });
});
