import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { SenderConfig } from "../lib/config/email-schema";
import { resolveEmail } from "../lib/email/plan";
import { planJson, type PlanJson } from "./helpers/run-plan";

// Exact email records: per shipped stack through the offline plan, and per provider profile
// through the component on the mock engine in-process.

const DNS = "cloudflare:index/dnsRecord:DnsRecord";
const rec = (zoneId: string, name: string, type: string, content: string, comment: string, extra: Record<string, unknown> = {}) => ({ zoneId, name, type, content, comment, proxied: false, ttl: 1, ...extra });

describe("shipped stacks", () => {
  const docs: Record<string, PlanJson> = {};
  beforeAll(async () => {
    for (const s of ["staging", "dev", "prod"]) docs[s] = (await planJson(s)).doc;
  });
  const records = (s: string) => Object.fromEntries(docs[s].resources.filter((r) => r.type === DNS && r.name.startsWith("email-")).map((r) => [r.name, r.inputs]));
  const input = (s: string, name: string) => docs[s].resources.find((r) => r.name === name)?.inputs;

  it("dev sends no mail: SPF -all and a reject DMARC record, nothing else", () => {
    const z = "2d6f8b0a4c1e3a5c7e9d1b3f5a7c9e0d";
    expect(records("dev")).toEqual({
      "email-spf-apex": rec(z, "dev.example.com", "TXT", "v=spf1 -all", "SPF: no sender uses this name as its envelope"),
      "email-dmarc": rec(z, "_dmarc.dev.example.com", "TXT", "v=DMARC1; p=reject; sp=reject", "DMARC"),
    });
  });

  it("staging sends through SES: MAIL FROM subdomain with its own SPF and MX, Easy DKIM, DMARC quarantine", () => {
    const z = "7e3a9c5b1d8f2e4a6c0b3d5f7a9e1c4d";
    const sesDkim = (i: number) => [`email-ses-dkim-${i}`, rec(z, "[unknown]", "CNAME", "[unknown]", "DKIM: Amazon SES Easy DKIM")];
    expect(records("staging")).toEqual({
      "email-spf-apex": rec(z, "staging.example.com", "TXT", "v=spf1 -all", "SPF: no sender uses this name as its envelope"),
      "email-spf-mail": rec(z, "mail.staging.example.com", "TXT", "v=spf1 include:amazonses.com -all", "SPF: amazon-ses"),
      "email-dmarc": rec(z, "_dmarc.staging.example.com", "TXT", "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@example.com; adkim=r; aspf=r", "DMARC"),
      "email-mx-envelope-mail": rec(z, "mail.staging.example.com", "MX", "feedback-smtp.eu-west-1.amazonses.com", "Bounces for the sending provider's envelope domain", { priority: 10 }),
      ...Object.fromEntries([0, 1, 2].map(sesDkim)),
    });
    expect(input("staging", "email-ses-identity")).toEqual({ emailIdentity: "staging.example.com", dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" } });
    expect(input("staging", "email-ses-mail-from")).toEqual({ emailIdentity: "staging.example.com", mailFromDomain: "mail.staging.example.com", behaviorOnMxFailure: "REJECT_MESSAGE" });
  });

  it("prod: one SPF per sending name, DMARC reject, MX, MTA-STS enforce served by a Worker, TLS-RPT, a 2048-bit self-managed key", () => {
    const z = "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b";
    const r = records("prod");
    expect(r["email-spf-apex"]).toEqual(rec(z, "example.com", "TXT", "v=spf1 ip4:203.0.113.25 include:_spf.google.com -all", "SPF: google-workspace, app-relay"));
    expect(r["email-spf-mail"]).toEqual(rec(z, "mail.example.com", "TXT", "v=spf1 include:amazonses.com -all", "SPF: amazon-ses"));
    expect(r["email-dmarc"]).toEqual(rec(z, "_dmarc.example.com", "TXT", "v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com; adkim=r; aspf=r", "DMARC"));
    expect([r["email-mx-0"], r["email-mx-1"], r["email-mx-2"]]).toEqual([
      rec(z, "example.com", "MX", "aspmx.l.google.com", "Inbound mail", { priority: 1 }),
      rec(z, "example.com", "MX", "alt1.aspmx.l.google.com", "Inbound mail", { priority: 5 }),
      rec(z, "example.com", "MX", "alt2.aspmx.l.google.com", "Inbound mail", { priority: 5 }),
    ]);
    const policy = "version: STSv1\r\nmode: enforce\r\nmx: aspmx.l.google.com\r\nmx: alt1.aspmx.l.google.com\r\nmx: alt2.aspmx.l.google.com\r\nmax_age: 604800\r\n";
    expect(r["email-mta-sts"]).toEqual(rec(z, "_mta-sts.example.com", "TXT", "v=STSv1; id=c3a6edd2b123fae837e4", "MTA-STS (enforce)"));
    expect(r["email-tls-rpt"]).toEqual(rec(z, "_smtp._tls.example.com", "TXT", "v=TLSRPTv1; rua=mailto:tls-reports@example.com", "TLS-RPT"));
    expect(r["email-dkim-app2026"]).toEqual(rec(z, "app2026._domainkey.example.com", "TXT", "[unknown]", "DKIM: self-managed key"));
    expect(input("prod", "email-dkim-key")).toEqual({ algorithm: "RSA", rsaBits: 2048 });
    const worker = input("prod", "email-mta-sts-worker")!;
    expect(worker).toMatchObject({ accountId: "3f6a1c0e9b2d4e8fa7c5d1b3e9f0a2c4", scriptName: "mta-sts-prod", mainModule: "worker.js", compatibilityDate: "2025-01-01" });
    expect(worker.content).toContain(`const POLICY = ${JSON.stringify(policy)};`);
    expect(input("prod", "email-mta-sts-domain")).toEqual({ accountId: "3f6a1c0e9b2d4e8fa7c5d1b3e9f0a2c4", zoneId: z, hostname: "mta-sts.example.com", service: "mta-sts-prod" });
    const google = r["email-dkim-google"] as { content: string };
    expect(google.content).toMatch(/^"v=DKIM1; k=rsa; p=[^"]{237}" "[^"]+"$/);
    for (const x of Object.values(r)) expect((x as { proxied: boolean }).proxied).toBe(false);
  });

  it("the AWS provider SES runs under pins the region and the account, and tags everything", () => {
    // Provider inputs travel as strings, structured ones as JSON, as the engine passes them to the plugin.
    const aws = input("prod", "aws") as Record<string, string>;
    expect(aws.region).toBe("eu-west-1");
    expect(JSON.parse(aws.allowedAccountIds)).toEqual(["222233334444"]);
    expect(JSON.parse(aws.defaultTags)).toEqual({ tags: { project: "launch-baseline", environment: "prod", "managed-by": "pulumi", owner: "platform-team" } });
    const ses = docs.prod.resources.find((r) => r.name === "email-ses-identity")!;
    expect(ses.provider).toBe("urn:pulumi:prod::launch-baseline::pulumi:providers:aws::aws");
  });
});

describe("provider profiles, on the mock engine", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  let EmailAuthentication: typeof import("../components/email-authentication").EmailAuthentication;
  beforeAll(async () => {
    // The TLS provider always returns the key pair it generates; the mock does the same.
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const tlsState = { publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString(), privateKeyPem: pulumi.secret(pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString()) };
    await pulumi.runtime.setMocks(
      { newResource: (a) => (registered.push(a), { id: `${a.name}-id`, state: { ...a.inputs, ...(a.type === "tls:index/privateKey:PrivateKey" ? tlsState : {}) } }), call: () => ({}) },
      "launch-baseline",
      "unit",
      false,
    );
    ({ EmailAuthentication } = await import("../components/email-authentication.js"));
  });

  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
  const cases: Array<[string, SenderConfig, Record<string, [string, string, string]>]> = [
    ["amazon-ses", { provider: "amazon-ses" }, { spf: ["mail.example.org", "TXT", "v=spf1 include:amazonses.com -all"], mx: ["mail.example.org", "MX", "feedback-smtp.us-west-2.amazonses.com"] }],
    ["google-workspace", { provider: "google-workspace", dkim: { selector: "google", publicKey: key } }, { spf: ["example.org", "TXT", "v=spf1 include:_spf.google.com -all"], dkim: ["google._domainkey.example.org", "TXT", `v=DKIM1; k=rsa; p=${key}`] }],
    ["sendgrid", { provider: "sendgrid", dkim: { cnames: { s1: "s1.domainkey.u123.wl.sendgrid.net", s2: "s2.domainkey.u123.wl.sendgrid.net" } } }, { spf: ["example.org", "TXT", "v=spf1 include:sendgrid.net -all"], dkim: ["s1._domainkey.example.org", "CNAME", "s1.domainkey.u123.wl.sendgrid.net"] }],
    ["postmark", { provider: "postmark", dkim: { selector: "20261129pm", publicKey: key } }, { spf: ["example.org", "TXT", "v=spf1 include:spf.mtasv.net -all"], dkim: ["20261129pm._domainkey.example.org", "TXT", `v=DKIM1; k=rsa; p=${key}`] }],
    ["mailgun", { provider: "mailgun", dkim: { selector: "mx", publicKey: key } }, { spf: ["example.org", "TXT", "v=spf1 include:mailgun.org -all"], dkim: ["mx._domainkey.example.org", "TXT", `v=DKIM1; k=rsa; p=${key}`] }],
    ["resend", { provider: "resend", dkim: { selector: "resend", publicKey: key } }, { spf: ["send.example.org", "TXT", "v=spf1 include:amazonses.com -all"], mx: ["send.example.org", "MX", "feedback-smtp.us-east-1.amazonses.com"], dkim: ["resend._domainkey.example.org", "TXT", `v=DKIM1; k=rsa; p=${key}`] }],
    ["custom", { provider: "custom", name: "relay", ip4: ["192.0.2.0/28"], ip6: ["2001:db8::/48"], includes: [{ domain: "spf.relay.example.net", lookups: 2 }] }, { spf: ["example.org", "TXT", "v=spf1 ip4:192.0.2.0/28 ip6:2001:db8::/48 include:spf.relay.example.net -all"] }],
  ];

  it.each(cases)("%s", async (id, sender, expected) => {
    const plan = resolveEmail({ senders: [sender], spfAll: "-all", mx: [], dmarc: { rua: ["mailto:dmarc@example.org"], adkim: "r", aspf: "r" } }, "prod", "example.org", "us-west-2");
    const before = registered.length;
    new EmailAuthentication(`p-${id}`, { zoneId: "z", accountId: "a", environment: "prod", plan });
    await new Promise((r) => setTimeout(r, 50));
    const mine = registered.slice(before).filter((r) => r.type === DNS).map((r) => r.inputs as { name: string; type: string; content: string });
    const find = (name: string, type: string) => mine.find((r) => r.name === name && r.type === type)?.content;
    const [spfName, , spfValue] = expected.spf;
    expect(find(spfName, "TXT")).toBe(spfValue);
    // Exactly one SPF record per sending name, and the apex always has one.
    const spfNames = mine.filter((r) => r.type === "TXT" && String(r.content).startsWith("v=spf1")).map((r) => r.name);
    expect(new Set(spfNames).size).toBe(spfNames.length);
    expect(spfNames).toContain("example.org");
    if (expected.mx) expect(find(expected.mx[0], "MX")).toBe(expected.mx[2]);
    if (expected.dkim) {
      const [name, type, value] = expected.dkim;
      const content = String(find(name, type));
      expect(content.replace(/" "/g, "").replace(/^"|"$/g, "")).toBe(value);
      if (type === "TXT") expect(content.startsWith('"')).toBe(value.length > 255);
    }
    expect(find("_dmarc.example.org", "TXT")).toBe("v=DMARC1; p=reject; rua=mailto:dmarc@example.org; adkim=r; aspf=r");
  });

  it("an external DMARC report mailbox: the authorization record is named, and created when its zone is given", async () => {
    const email = { senders: [{ provider: "amazon-ses" as const }], spfAll: "-all" as const, mx: [], dmarc: { rua: ["mailto:dmarc@reports.example.net"], adkim: "r" as const, aspf: "r" as const } };
    const named = resolveEmail(email, "prod", "example.org", "us-west-2");
    expect(named.reportAuthorizations).toEqual([{ name: "example.org._report._dmarc.reports.example.net", value: "v=DMARC1" }]);
    const before = registered.length;
    new EmailAuthentication("p-report", { zoneId: "z", accountId: "a", environment: "prod", plan: resolveEmail({ ...email, dmarc: { ...email.dmarc, reportZoneId: "0123456789abcdef0123456789abcdef" } }, "prod", "example.org", "us-west-2") });
    await new Promise((r) => setTimeout(r, 50));
    expect(registered.slice(before).find((r) => r.name === "p-report-dmarc-report-authorization-0")?.inputs).toEqual({
      zoneId: "0123456789abcdef0123456789abcdef",
      name: "example.org._report._dmarc.reports.example.net",
      type: "TXT",
      content: "v=DMARC1",
      comment: "Accept DMARC reports for example.org",
      proxied: false,
      ttl: 1,
    });
  });

  it("the self-managed DKIM private key is a secret Output", async () => {
    const plan = resolveEmail({ senders: [], selfManagedDkim: { selector: "s1" }, spfAll: "-all", mx: [], dmarc: { rua: ["mailto:dmarc@example.org"], adkim: "r", aspf: "r" } }, "prod", "example.org", "us-west-2");
    const email = new EmailAuthentication("p-dkim", { zoneId: "z", accountId: "a", environment: "prod", plan });
    expect(await pulumi.isSecret(email.dkimPrivateKeyPem!)).toBe(true);
    expect(registered.find((r) => r.name === "p-dkim-dkim-key")?.inputs).toEqual({ algorithm: "RSA", rsaBits: 2048 });
    await new Promise((r) => setTimeout(r, 50));
    const record = registered.find((r) => r.name === "p-dkim-dkim-s1")?.inputs as { content: string };
    expect(record.content).toMatch(/^"v=DKIM1; k=rsa; p=MIIB[^"]+" "[^"]+"$/);
  });
});
