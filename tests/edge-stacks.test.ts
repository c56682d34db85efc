import { beforeAll, describe, expect, it } from "vitest";
import { planJson, type PlanJson } from "./helpers/run-plan";

// Exact inputs of every security-relevant resource, per shipped stack, as the offline plan
// registers them on Pulumi's mock engine.

const ZONE_SETTING = "cloudflare:index/zoneSetting:ZoneSetting";
const DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const RULESET = "cloudflare:index/ruleset:Ruleset";
const DNSSEC = "cloudflare:index/zoneDnssec:ZoneDnssec";

const ZONE_ID = { prod: "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b", staging: "7e3a9c5b1d8f2e4a6c0b3d5f7a9e1c4d", dev: "2d6f8b0a4c1e3a5c7e9d1b3f5a7c9e0d" } as const;
const APEX = { prod: "example.com", staging: "staging.example.com", dev: "dev.example.com" } as const;
const HSTS_MAX_AGE = { prod: 31536000, staging: 86400, dev: 3600 } as const;
const COMMENT = "Public host, proxied through Cloudflare; managed by launch-baseline";

const HOSTS = {
  prod: [
    ["edge-host-apex", "CNAME", "example.com", "prod-web-1842113567.eu-west-1.elb.amazonaws.com"],
    ["edge-host-www", "CNAME", "www.example.com", "example.com"],
    ["edge-host-app", "CNAME", "app.example.com", "prod-web-1842113567.eu-west-1.elb.amazonaws.com"],
    ["edge-host-api", "CNAME", "api.example.com", "prod-api-730245981.eu-west-1.elb.amazonaws.com"],
  ],
  staging: [
    ["edge-host-app", "CNAME", "app.staging.example.com", "staging-web-559102387.eu-west-1.elb.amazonaws.com"],
    ["edge-host-api", "CNAME", "api.staging.example.com", "staging-api-448120976.eu-west-1.elb.amazonaws.com"],
  ],
  dev: [
    ["edge-host-app", "CNAME", "app.dev.example.com", "dev-web-1203948576.eu-central-1.elb.amazonaws.com"],
    ["edge-host-api", "CNAME", "api.dev.example.com", "dev-api-1029384756.eu-central-1.elb.amazonaws.com"],
  ],
} as const;

const docs: Partial<Record<keyof typeof ZONE_ID, PlanJson>> = {};
beforeAll(async () => {
  await Promise.all(
    (["prod", "staging", "dev"] as const).map(async (s) => {
      const { code, doc } = await planJson(s);
      expect(code).toBe(0);
      docs[s] = doc;
    }),
  );
});

/** Inputs by resource name, of one type, among the resources a component owns. */
const inputsOf = (doc: PlanJson, type: string, prefix = "edge-") => Object.fromEntries(doc.resources.filter((r) => r.type === type && r.name.startsWith(prefix)).map((r) => [r.name, r.inputs]));

describe.each(["prod", "staging", "dev"] as const)("stack %s", (stack) => {
  const zoneId = ZONE_ID[stack];

  it("pins every transport zone setting", () => {
    expect(inputsOf(docs[stack]!, ZONE_SETTING)).toEqual({
      "edge-ssl-automatic-mode": { zoneId, settingId: "ssl_automatic_mode", value: "custom" },
      "edge-ssl": { zoneId, settingId: "ssl", value: "strict" },
      "edge-always-use-https": { zoneId, settingId: "always_use_https", value: "on" },
      "edge-min-tls-version": { zoneId, settingId: "min_tls_version", value: "1.2" },
      "edge-tls-1-3": { zoneId, settingId: "tls_1_3", value: "on" },
      "edge-automatic-https-rewrites": { zoneId, settingId: "automatic_https_rewrites", value: "on" },
      "edge-development-mode": { zoneId, settingId: "development_mode", value: "off" },
      "edge-hsts": {
        zoneId,
        settingId: "security_header",
        value: { strict_transport_security: { enabled: true, max_age: HSTS_MAX_AGE[stack], include_subdomains: false, preload: false, nosniff: true } },
      },
    });
  });

  it("proxies exactly the public hosts, and publishes CAA for Cloudflare's CAs with an iodef contact", () => {
    const records = inputsOf(docs[stack]!, DNS_RECORD);
    const hosts = Object.fromEntries(HOSTS[stack].map(([name, type, host, content]) => [name, { zoneId, name: host, type, content, proxied: true, ttl: 1, comment: COMMENT }]));
    const caa = (tag: string, value: string) => ({ zoneId, name: APEX[stack], type: "CAA", ttl: 3600, data: { flags: 0, tag, value } });
    expect(records).toEqual({
      ...hosts,
      "edge-caa-issue-letsencrypt-org": caa("issue", "letsencrypt.org"),
      "edge-caa-issue-pki-goog": caa("issue", "pki.goog"),
      "edge-caa-issue-ssl-com": caa("issue", "ssl.com"),
      "edge-caa-issuewild-letsencrypt-org": caa("issuewild", "letsencrypt.org"),
      "edge-caa-issuewild-pki-goog": caa("issuewild", "pki.goog"),
      "edge-caa-issuewild-ssl-com": caa("issuewild", "ssl.com"),
      "edge-caa-iodef": caa("iodef", "mailto:security@example.com"),
    });
  });

  it("turns DNSSEC on and exports the DS record as unknown until deploy", () => {
    expect(inputsOf(docs[stack]!, DNSSEC)).toEqual({ "edge-dnssec": { zoneId, status: "active" } });
    expect(docs[stack]!.outputs.dsRecord).toBe("[unknown]");
  });

  it("parents every child to its component, and the components and the AWS provider to the stack", () => {
    const doc = docs[stack]!;
    const stackUrn = doc.resources.find((r) => r.type === "pulumi:pulumi:Stack")!.urn;
    const component = doc.resources.find((r) => r.type === "launch:edge:EdgeSecurity")!;
    const email = doc.resources.find((r) => r.type === "launch:email:EmailAuthentication")!;
    expect(component.parent).toBe(stackUrn);
    expect(email.parent).toBe(stackUrn);
    expect(doc.resources.find((r) => r.type === "pulumi:providers:aws")!.parent).toBe(stackUrn);
    for (const child of doc.resources.filter((r) => r.name.startsWith("email-"))) expect(child.parent).toBe(email.urn);
    // URNs in the engine's form, as `pulumi preview` and `pulumi stack export` show them.
    expect(stackUrn).toBe(`urn:pulumi:${stack}::launch-baseline::pulumi:pulumi:Stack::launch-baseline-${stack}`);
    expect(component.urn).toBe(`urn:pulumi:${stack}::launch-baseline::launch:edge:EdgeSecurity::edge`);
    expect(doc.resources.find((r) => r.name === "edge-ssl")!.urn).toBe(`urn:pulumi:${stack}::launch-baseline::launch:edge:EdgeSecurity$cloudflare:index/zoneSetting:ZoneSetting::edge-ssl`);
    const children = doc.resources.filter((r) => r.name.startsWith("edge-"));
    expect(children.length).toBe({ prod: 21, staging: 18, dev: 18 }[stack]);
    for (const child of children) expect(child.parent).toBe(component.urn);
    // The stack, nine components, two AWS providers, and their children: nothing unparented.
    const owned = (prefix: string) => doc.resources.filter((r) => r.name.startsWith(prefix)).length;
    expect(doc.resources.length).toBe(12 + owned("cache-") + children.length + owned("email-") + owned("secrets-") + owned("runtime-") + owned("abuse-") + owned("uptime-") + owned("logging-") + owned("origin-"));
    const components = doc.resources.filter((r) => r.type.startsWith("launch:"));
    for (const c of components) for (const child of doc.resources.filter((r) => r.name.startsWith(`${c.name}-`))) expect(child.parent).toBe(c.urn);
  });
});

describe("canonical redirect", () => {
  it("prod redirects www to the apex with one permanent rule that keeps path and query", () => {
    expect(inputsOf(docs.prod!, RULESET)).toEqual({
      "edge-canonical-redirect": {
        zoneId: ZONE_ID.prod,
        kind: "zone",
        phase: "http_request_dynamic_redirect",
        name: "Canonical host redirect",
        description: "Managed by launch-baseline",
        rules: [
          {
            ref: "canonical_host",
            description: "Redirect www.example.com to https://example.com",
            expression: '(http.host in {"www.example.com"})',
            action: "redirect",
            actionParameters: { fromValue: { statusCode: 301, preserveQueryString: true, targetUrl: { expression: 'concat("https://example.com", http.request.uri.path)' } } },
          },
        ],
      },
    });
  });

  it("staging and dev, which have no alias host, get no redirect ruleset", () => {
    expect(inputsOf(docs.staging!, RULESET)).toEqual({});
    expect(inputsOf(docs.dev!, RULESET)).toEqual({});
  });
});
