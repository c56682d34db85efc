import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { UNKNOWN } from "../lib/plan/wire";
import { policies } from "../policies/policies";
import { STACK_WIDE_RULES } from "./helpers/stack-wide-rules";

const DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const ZONE = "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b";
let n = 0;

function record(type: string, name: string, content: unknown, proxied = false): CapturedResource {
  const id = `r${n++}`;
  return { urn: `urn:pulumi:prod::launch-baseline::${DNS_RECORD}::${id}`, type: DNS_RECORD, name: id, custom: true, parent: null, provider: null, dependencies: [], inputs: { zoneId: ZONE, name, type, content, proxied, ttl: 1 } };
}

async function findings(stack: string, ...resources: CapturedResource[]) {
  const v = (await evaluatePolicies(policies, resources, resolvePolicyConfig(policies, `policies/config/${stack}.json`))).filter((x) => !STACK_WIDE_RULES.includes(x.policy));
  return v.map((x) => `${x.enforcementLevel} ${x.policy}: ${x.message}`);
}

// Keys made at run time; a DKIM public key is not a secret, but none is committed either.
const base64Key = (bits: number) => generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
const strong = `v=DKIM1; k=rsa; p=${base64Key(2048)}`;
const weak = `v=DKIM1; k=rsa; p=${base64Key(1024)}`;
const split = (v: string) => (v.match(/.{1,255}/g) ?? []).map((c) => `"${c}"`).join(" ");

describe("dns-spf-valid", () => {
  it.each([
    ["unquoted", "v=spf1 ip4:203.0.113.25 include:_spf.google.com -all"],
    ["quoted", '"v=spf1 ip4:203.0.113.25 include:_spf.google.com -all"'],
    ["split in two strings", '"v=spf1 ip4:203.0.113.25 " "include:_spf.google.com -all"'],
  ])("passes a valid record, %s", async (_form, content) => {
    expect(await findings("prod", record("TXT", "example.com", content))).toEqual([]);
  });

  it.each([
    ["+all", "v=spf1 include:_spf.google.com +all", 'mandatory dns-spf-valid: SPF at example.com: "+all" lets any server send as this domain; end with -all.'],
    ["?all, split", '"v=spf1 include:_spf.google.com" " ?all"', 'mandatory dns-spf-valid: SPF at example.com: "?all" lets any server send as this domain; end with -all.'],
    ["no all", "v=spf1 include:_spf.google.com", 'mandatory dns-spf-valid: SPF at example.com: no "all" term: mail from any server is neutral; end with -all.'],
    ["a syntax error", "v=spf1 ip4:203.0.113.256 -all", 'mandatory dns-spf-valid: SPF at example.com: ip4: "203.0.113.256" is not an IPv4 address or network.'],
    ["11 lookups", `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.ex.net`).join(" ")} -all`, "mandatory dns-spf-valid: SPF at example.com: 11 DNS-querying terms; receivers stop at 10 (permerror)."],
    ["~all in prod", "v=spf1 include:amazonses.com ~all", 'mandatory dns-spf-valid: SPF at example.com: ends in "~all"; this environment requires "-all".'],
  ])("blocks %s", async (_what, content, message) => {
    expect(await findings("prod", record("TXT", "example.com", content))).toEqual([message]);
  });

  it("allows ~all in dev, as dev's config says", async () => {
    expect(await findings("dev", record("TXT", "dev.example.com", "v=spf1 include:amazonses.com ~all"))).toEqual([]);
  });
});

describe("dns-spf-one-per-name", () => {
  it("passes one record per name and blocks a second one at the same name", async () => {
    const a = record("TXT", "example.com", "v=spf1 -all");
    const b = record("TXT", "mail.example.com", "v=spf1 include:amazonses.com -all");
    expect(await findings("prod", a, b)).toEqual([]);
    const c = record("TXT", "example.com", '"v=spf1 include:sendgrid.net -all"');
    expect(await findings("prod", a, b, c)).toEqual(["mandatory dns-spf-one-per-name: example.com has 2 SPF records; merge them into one."]);
  });
});

describe("dns-dmarc-valid", () => {
  it.each([
    ["unquoted", "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"],
    ["quoted and split", '"v=DMARC1; p=quarantine; " "rua=mailto:dmarc@example.com"'],
  ])("passes an enforcing record, %s", async (_form, content) => {
    expect(await findings("prod", record("TXT", "_dmarc.example.com", content))).toEqual([]);
  });

  it.each([
    ["p=none in prod", "v=DMARC1; p=none; rua=mailto:dmarc@example.com", "mandatory dns-dmarc-valid: DMARC at _dmarc.example.com does not enforce (p=none); this environment requires quarantine or reject."],
    ["sp=none", "v=DMARC1; p=reject; sp=none; rua=mailto:dmarc@example.com", "mandatory dns-dmarc-valid: DMARC at _dmarc.example.com does not enforce (p=reject, sp=none); this environment requires quarantine or reject."],
    ["a missing p", "v=DMARC1; rua=mailto:dmarc@example.com", 'mandatory dns-dmarc-valid: DMARC at _dmarc.example.com: the required tag "p" is missing.'],
    ["v not first", "p=reject; v=DMARC1", 'mandatory dns-dmarc-valid: DMARC at _dmarc.example.com: the record must start with "v=DMARC1".'],
    ["a report URI that is not mailto", "v=DMARC1; p=reject; rua=https://example.com/r", 'mandatory dns-dmarc-valid: DMARC at _dmarc.example.com: rua: "https://example.com/r" is not a mailto: report address.'],
  ])("blocks %s", async (_what, content, message) => {
    expect(await findings("prod", record("TXT", "_dmarc.example.com", content))).toEqual([message]);
  });

  it("accepts p=none in dev, where monitoring comes first", async () => {
    expect(await findings("dev", record("TXT", "_dmarc.dev.example.com", "v=DMARC1; p=none; rua=mailto:dmarc@example.com"))).toEqual([]);
  });
});

describe("dns-dkim-key-strength", () => {
  it("passes a 2048-bit key split into quoted strings of 255", async () => {
    expect(await findings("prod", record("TXT", "s1._domainkey.example.com", split(strong)))).toEqual([]);
  });

  it("blocks a 1024-bit key", async () => {
    expect(await findings("prod", record("TXT", "s1._domainkey.example.com", weak))).toEqual(["mandatory dns-dkim-key-strength: DKIM key at s1._domainkey.example.com: the RSA key has 1024 bits; at least 2048 are required."]);
  });

  it("blocks a long value left unquoted, and one quoted as a single long string", async () => {
    expect(await findings("prod", record("TXT", "s1._domainkey.example.com", strong))).toEqual([`mandatory dns-dkim-key-strength: TXT at s1._domainkey.example.com holds ${strong.length} unquoted characters; write it as quoted strings of at most 255 ("part1" "part2").`]);
    expect(await findings("prod", record("TXT", "s1._domainkey.example.com", `"${strong}"`))).toEqual([`mandatory dns-dkim-key-strength: TXT at s1._domainkey.example.com holds a quoted string of ${strong.length} characters; split it into strings of at most 255 ("part1" "part2").`]);
  });

  it("reports a key only known after deploy as undecided", async () => {
    expect(await findings("prod", record("TXT", "app2026._domainkey.example.com", UNKNOWN))).toEqual([
      "advisory dns-dkim-key-strength: could not decide during the offline plan: string value at .content can't be known during preview; it is checked again at deploy time.",
      "advisory no-exposed-secrets: could not decide during the offline plan: string value at .content can't be known during preview; it is checked again at deploy time.",
    ]);
  });
});

describe("dns-mail-records-not-proxied", () => {
  it("passes DNS-only mail records next to a proxied web host", async () => {
    expect(
      await findings("prod", record("MX", "example.com", "aspmx.l.google.com"), record("CNAME", "s1._domainkey.example.com", "s1.dkim.example.net"), record("CNAME", "app.example.com", "lb.example.net", true)),
    ).toEqual([]);
  });

  it.each([
    ["an MX record", record("MX", "example.com", "aspmx.l.google.com", true), "mandatory dns-mail-records-not-proxied: MX record example.com is proxied; mail records must be DNS-only."],
    ["a DKIM CNAME", record("CNAME", "s1._domainkey.example.com", "s1.dkim.example.net", true), "mandatory dns-mail-records-not-proxied: DKIM record s1._domainkey.example.com is proxied; receivers would not find the key."],
  ])("blocks %s that is proxied", async (_what, r, message) => {
    expect(await findings("prod", r)).toEqual([message]);
  });

  it("blocks a proxied host that MX points to, or that SPF names with a:", async () => {
    const mx = record("MX", "example.com", "inbound.example.com");
    const inbound = record("A", "inbound.example.com", "203.0.113.30", true);
    const spf = record("TXT", "example.com", "v=spf1 a:relay.example.com -all");
    const relay = record("A", "relay.example.com", "203.0.113.31", true);
    expect(await findings("prod", mx, inbound, spf, relay)).toEqual([
      "mandatory dns-mail-records-not-proxied: inbound.example.com receives or sends mail (named by MX or SPF) but is proxied; it would resolve to Cloudflare.",
      "mandatory dns-mail-records-not-proxied: relay.example.com receives or sends mail (named by MX or SPF) but is proxied; it would resolve to Cloudflare.",
    ]);
  });
});

describe("a DKIM public key is not a secret", () => {
  it("no rule reports the shipped DKIM record as exposing anything", async () => {
    const all = await findings("prod", record("TXT", "google._domainkey.example.com", split(strong)));
    expect(all).toEqual([]);
  });
});
