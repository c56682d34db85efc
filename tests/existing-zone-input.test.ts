import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editedStacks, ROOT, runPlan } from "./helpers/run-plan";
import { makeCa, type TestCa } from "./helpers/test-ca";
import { UsageError } from "../lib/config/stack-file";
import { readZoneFiles } from "../lib/zone/load";

// Bad or partial exports stop the plan with the file and the line; the live API is read through
// every page with a read-only token that never appears in any output.

const FIXTURES = join(ROOT, "tests/fixtures/existing-zone");
const dir = mkdtempSync(join(tmpdir(), "lb-zone-"));
const write = (name: string, text: string | null) => {
  if (text === null) return name;
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("bad exports exit 2 with one line naming the file and the line", () => {
  it.each([
    ["a BIND line cut off after its type", "cut.bind", "$ORIGIN example.com.\nexample.com.\t1\tIN\tA\t198.51.100.20\nwww.example.com.\t1\tIN\tCNAME\n", (p: string) => `${p}:3: the CNAME record for www.example.com has no complete value ("www.example.com.\t1\tIN\tCNAME"). Fix: export the zone again; the line is cut off.`],
    ["a BIND quote never closed", "quote.bind", 'example.com.\t1\tIN\tTXT\t"v=spf1 -all\n', (p: string) => `${p}:1: a quoted string is not closed. Fix: export the zone again; the file looks cut off or edited.`],
    ["a BIND record that ends inside its parentheses", "paren.bind", "example.com.\t1\tIN\tA\t198.51.100.20\nexample.com.\t3600\tIN\tSOA\tns. dns. ( 1 2\n", (p: string) => `${p}:2: a "(" is never closed: the file ends inside this record. Fix: export the zone again; the file looks cut off.`],
    ["a BIND address that is not one", "addr.bind", "app.example.com.\t1\tIN\tA\t198.51.100.300\n", (p: string) => `${p}:1: A record for app.example.com: 198.51.100.300 is not an IPv4 address. Fix: correct the value in the dashboard and export again.`],
    ["a BIND record outside the zone", "other.bind", "shop.example.org.\t1\tIN\tA\t198.51.100.20\n", (p: string) => `${p}:1: shop.example.org is not in zone example.com. Fix: export the zone the stack manages (launch-baseline:domain).`],
    ["JSON cut off", "cut.json", '{\n  "result": [\n    {"id": "a", "name": "example.com"', (p: string) => `${p}:3: not JSON (CloseBraceExpected). Fix: save the API's answer unchanged, e.g. curl ... > ${p}.`],
    ["a JSON record without its id", "noid.json", '{\n  "success": true,\n  "result": [\n    {"id": "0123", "name": "www.example.com", "type": "CNAME", "content": "example.com"},\n    {"name": "app.example.com", "type": "A", "content": "198.51.100.10"}\n  ]\n}\n', (p: string) => `${p}:5: record field id invalid input: expected string, received undefined. Fix: export the zone again; records need id, name, type and content, rulesets id, kind and phase.`],
    ["one page of several", "page.json", '{\n  "success": true,\n  "result": [],\n  "result_info": {"page": 1, "per_page": 100, "total_pages": 3}\n}\n', (p: string) => `${p}:4: page 1 of 3 only: the zone has more records than this answer holds. Fix: ask with ?per_page=5000000, or use --cloudflare-api to read every page.`],
    ["a file that is not there", "missing.json", null, () => "--existing-zone missing.json cannot be read (ENOENT). Fix: pass the export's path."],
    ["a saved failure", "fail.json", '{\n  "success": false,\n  "errors": [{"code": 10000, "message": "Authentication error"}],\n  "result": null\n}\n', (p: string) => `${p}:2: the saved API answer is a failure ("success": false). Fix: check the token's Zone DNS Read and Zone Rulesets Read permissions and save the answer again.`],
    ["something else", "other.json", '{\n  "records": []\n}\n', (p: string) => `${p}:1: neither a Cloudflare API answer ({"result": [...]}) nor an array of records or rulesets. Fix: save GET /zones/<zone_id>/dns_records or /rulesets as returned.`],
  ])("%s", (_what, name, text, message) => {
    const path = write(name, text);
    expect(() => readZoneFiles([path], "example.com")).toThrow(new UsageError(message(path)));
  });

  it("the plan stops on a bad export before running the program: exit 2, the one line, nothing on stdout", async () => {
    const path = write("cli.bind", "www.example.com.\t1\tIN\tCNAME\n");
    const r = await runPlan(["--stack", "prod", "--existing-zone", path]);
    expect(r.stderr).toBe(`error: ${path}:1: the CNAME record for www.example.com has no complete value ("www.example.com.\t1\tIN\tCNAME"). Fix: export the zone again; the line is cut off.\n`);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
  });

  it.each([
    [["--existing-zone", "tests/fixtures/existing-zone/zone.bind"], "error: --existing-zone, --cloudflare-api, --dns-server and --write-adopt plan one stack's program against its zone. Fix: add --stack <name> (and drop --state).\n"],
    [["--stack", "prod", "--write-adopt"], "error: --write-adopt writes the imports an existing zone calls for. Fix: add --existing-zone <export> or --cloudflare-api.\n"],
    [["--stack", "prod", "--cloudflare-api"], "error: --cloudflare-api reads the zone with a read-only token from CLOUDFLARE_API_TOKEN, which is not set. Fix: export CLOUDFLARE_API_TOKEN (Zone DNS Read, Zone Rulesets Read).\n"],
  ])("refuses %j", async (args, stderr) => {
    const r = await runPlan(args, { CLOUDFLARE_API_TOKEN: "" });
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(2);
  });

  it("refuses an adoption list for another zone, and one naming a resource the program does not create", async () => {
    const other = editedStacks("prod", (y) => `${y}  launch-baseline:adopt:\n    edge-host-www: 0123456789abcdef0123456789abcdef/372e67954025e0ba6aaa6d586b9e0b59\n`);
    const a = await runPlan(["--stack", "prod", "--stacks-dir", other]);
    expect(a.stderr).toContain(`launch-baseline:adopt.edge-host-www = "0123456789abcdef0123456789abcdef/372e67954025e0ba6aaa6d586b9e0b59": imports from zone 0123456789abcdef0123456789abcdef, not this stack's zone 9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b; an adoption list belongs to the stack it was planned for.`);
    expect(a.code).toBe(2);
    const stale = editedStacks("prod", (y) => `${y}  launch-baseline:adopt:\n    edge-host-blog: 9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b/372e67954025e0ba6aaa6d586b9e0b59\n`);
    const b = await runPlan(["--stack", "prod", "--stacks-dir", stale]);
    expect(b.stderr).toBe("error: launch-baseline:adopt names edge-host-blog, which the program does not create as a Cloudflare record or ruleset. Fix: remove it; plan --existing-zone <export> --write-adopt writes the current list.\n");
    expect(b.code).toBe(2);
  });
});

describe("--cloudflare-api against a local HTTPS server in the API's shapes", () => {
  let ca: TestCa;
  let server: Server;
  let base: string;
  const token = randomBytes(20).toString("base64url");
  const seen: string[] = [];
  beforeAll(async () => {
    ca = makeCa();
    const records = (JSON.parse(readFileSync(join(FIXTURES, "dns-records.json"), "utf8")) as { result: unknown[] }).result;
    const rulesets = readFileSync(join(FIXTURES, "rulesets.json"), "utf8");
    server = createServer(ca.issue("127.0.0.1"), (req, res) => {
      seen.push(req.url!);
      if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ success: false, errors: [{ code: 9109, message: "Invalid access token" }], messages: [], result: null }));
      const u = new URL(req.url!, "https://127.0.0.1");
      if (u.pathname === "/client/v4/zones/9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b/rulesets") return void res.writeHead(200, { "content-type": "application/json" }).end(rulesets);
      if (u.pathname !== "/client/v4/zones/9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b/dns_records") return void res.writeHead(404).end();
      // Ten records a page, whatever per_page asks: the reader must follow total_pages.
      const page = Number(u.searchParams.get("page") ?? 1);
      const slice = records.slice((page - 1) * 10, page * 10);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ success: true, errors: [], messages: [], result: slice, result_info: { page, per_page: 10, count: slice.length, total_count: records.length, total_pages: Math.ceil(records.length / 10) } }, null, 2));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
  });
  afterAll(() => server?.close());

  it("reads every page and the rulesets, adopts what the JSON export adopts, and never prints the token", async () => {
    const r = await runPlan(["--stack", "prod", "--cloudflare-api", "--cloudflare-api-url", base, "--json"], { CLOUDFLARE_API_TOKEN: token, NODE_EXTRA_CA_CERTS: ca.caFile });
    const doc = JSON.parse(r.stdout) as { existingZone: { sources: string[]; imports: Array<{ resource: string; id: string; at: string }> } };
    expect(doc.existingZone.sources).toEqual([`${base} (zone 9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b)`]);
    expect(doc.existingZone.imports.map((i) => [i.resource, i.at])).toEqual([
      ["edge-caa-issue-letsencrypt-org", expect.stringMatching(/^api:dns_records\?page=2:\d+$/)],
      ["edge-host-www", expect.stringMatching(/^api:dns_records\?page=1:\d+$/)],
      ["email-mx-0", expect.stringMatching(/^api:dns_records\?page=1:\d+$/)],
      ["abuse-rate-limits", "api:rulesets:3"],
    ]);
    expect(seen.filter((u) => u.includes("dns_records")).map((u) => new URL(u, "https://x").searchParams.get("page"))).toEqual(["1", "2"]);
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.code).toBe(1);
  });

  it("a refused token exits 2 with the API's own error and the fix, not the token", async () => {
    const wrong = randomBytes(20).toString("base64url");
    const r = await runPlan(["--stack", "prod", "--cloudflare-api", "--cloudflare-api-url", base], { CLOUDFLARE_API_TOKEN: wrong, NODE_EXTRA_CA_CERTS: ca.caFile });
    expect(r.stderr).toBe("error: the Cloudflare API refused to list the DNS records of zone 9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b: 9109 Invalid access token. Fix: use a token with Zone DNS Read and Zone Rulesets Read on this zone (CLOUDFLARE_API_TOKEN).\n");
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
  });
});

describe("the BIND reader beyond the dashboard's own layout", () => {
  it("follows $ORIGIN and $TTL, relative and blank owners, and records split over lines", () => {
    const path = write(
      "hand.bind",
      [
        "$ORIGIN example.com.",
        "$TTL 600",
        "@\tIN\tMX\t10 mx1.example.net.",
        "\tIN\tTXT\t( \"v=spf1 include:_spf.google.com\"",
        "\t\t  \" -all\" ) ; joined, as resolvers see it",
        "www\t300\tIN\tCNAME\texample.com.",
        "$ORIGIN shop.example.com.",
        "api\tIN\tA\t198.51.100.7 ; cf_tags=cf-proxied:true",
        "",
      ].join("\n"),
    );
    const zone = readZoneFiles([path], "example.com");
    expect(zone.records.map(({ name, type, content, priority, proxied, ttl, at }) => ({ name, type, content, priority, proxied, ttl, at }))).toEqual([
      { name: "example.com", type: "MX", content: "mx1.example.net", priority: 10, proxied: false, ttl: 600, at: `${path}:3` },
      { name: "example.com", type: "TXT", content: "v=spf1 include:_spf.google.com -all", priority: undefined, proxied: false, ttl: 600, at: `${path}:4` },
      { name: "www.example.com", type: "CNAME", content: "example.com", priority: undefined, proxied: false, ttl: 300, at: `${path}:6` },
      { name: "api.shop.example.com", type: "A", content: "198.51.100.7", priority: undefined, proxied: true, ttl: 600, at: `${path}:8` },
    ]);
  });
});
