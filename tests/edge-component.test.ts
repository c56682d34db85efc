import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { caaRecords } from "../components/edge/caa-records";
import { canonicalRedirectRule } from "../components/edge/redirect-rule";
import { transportSettings } from "../components/edge/zone-settings";

// The component on the mock engine in-process, with arguments the shipped stacks do not use.
// setMocks comes before the component is imported (provider-facts: resources created earlier
// would silently use a built-in fake).
const registered: pulumi.runtime.MockResourceArgs[] = [];
let EdgeSecurity: typeof import("../components/edge-security").EdgeSecurity;

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "launch-baseline",
    "unit",
    false,
  );
  ({ EdgeSecurity } = await import("../components/edge-security.js"));
});

const base = {
  zoneId: "0123456789abcdef0123456789abcdef",
  zoneName: "example.net",
  caa: { issuers: ["letsencrypt.org"], iodef: "https://example.net/caa-report" },
};

describe("EdgeSecurity", () => {
  it("maps origins to A, AAAA or CNAME, honours opt-in HSTS flags and TLS 1.3, and can leave DNSSEC off", async () => {
    const edge = new EdgeSecurity("t1", {
      ...base,
      hosts: [
        { hostname: "example.net", origin: "203.0.113.7" },
        { hostname: "v6.example.net", origin: "2001:db8::7" },
        { hostname: "api.eu.example.net", origin: "lb.example.org" },
      ],
      minTlsVersion: "1.3",
      hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: true },
      dnssec: false,
    });
    await pulumi.runtime.disconnect();
    const mine = registered.filter((r) => r.name.startsWith("t1-"));
    const byName = Object.fromEntries(mine.map((r) => [r.name, r.inputs]));
    expect(byName["t1-host-apex"]).toMatchObject({ type: "A", content: "203.0.113.7", name: "example.net", proxied: true, ttl: 1 });
    expect(byName["t1-host-v6"]).toMatchObject({ type: "AAAA", content: "2001:db8::7", proxied: true });
    expect(byName["t1-host-api-eu"]).toMatchObject({ type: "CNAME", content: "lb.example.org", proxied: true });
    expect(byName["t1-min-tls-version"]).toEqual({ zoneId: base.zoneId, settingId: "min_tls_version", value: "1.3" });
    expect(byName["t1-hsts"].value).toEqual({ strict_transport_security: { enabled: true, max_age: 31536000, include_subdomains: true, preload: true, nosniff: true } });
    expect(mine.filter((r) => r.type === "cloudflare:index/zoneDnssec:ZoneDnssec")).toEqual([]);
    expect(mine.filter((r) => r.type === "cloudflare:index/ruleset:Ruleset")).toEqual([]);
    expect(edge.dnssec).toBeUndefined();
  });

  it("refuses hosts outside its zone and redirects to hosts it does not serve, before creating anything", () => {
    const before = registered.length;
    expect(() => new EdgeSecurity("t2", { ...base, hosts: [{ hostname: "app.example.org", origin: "lb.example.org" }], hsts: { maxAgeSeconds: 60 } })).toThrow(
      "EdgeSecurity: host app.example.org is not in zone example.net",
    );
    expect(() =>
      new EdgeSecurity("t3", { ...base, hosts: [{ hostname: "example.net", origin: "lb.example.org" }], canonicalRedirect: { from: ["www.example.net"], to: "example.net" }, hsts: { maxAgeSeconds: 60 } }),
    ).toThrow("EdgeSecurity: redirect host www.example.net is not one of the hosts");
    expect(registered.filter((r, i) => i >= before && r.custom)).toEqual([]);
  });
});

describe("pure builders", () => {
  it("transport settings: automatic mode pinned off, then strict SSL and the rest", () => {
    expect(transportSettings({ minTlsVersion: "1.2", hsts: { maxAgeSeconds: 600 } }).map((s) => [s.settingId, s.value])).toEqual([
      ["ssl_automatic_mode", "custom"],
      ["ssl", "strict"],
      ["always_use_https", "on"],
      ["min_tls_version", "1.2"],
      ["tls_1_3", "on"],
      ["automatic_https_rewrites", "on"],
      ["development_mode", "off"],
      ["security_header", { strict_transport_security: { enabled: true, max_age: 600, include_subdomains: false, preload: false, nosniff: true } }],
    ]);
  });

  it("CAA: issue and issuewild per CA, then iodef", () => {
    expect(caaRecords(["pki.goog"], "mailto:sec@example.net")).toEqual([
      { role: "caa-issue-pki-goog", data: { flags: 0, tag: "issue", value: "pki.goog" } },
      { role: "caa-issuewild-pki-goog", data: { flags: 0, tag: "issuewild", value: "pki.goog" } },
      { role: "caa-iodef", data: { flags: 0, tag: "iodef", value: "mailto:sec@example.net" } },
    ]);
  });

  it("redirect rule: several alias hosts in one expression, quoted for the rules language", () => {
    const rule = canonicalRedirectRule(["www.example.net", "old.example.net"], "example.net");
    expect(rule.expression).toBe('(http.host in {"www.example.net" "old.example.net"})');
    expect(rule.actionParameters.fromValue).toEqual({ statusCode: 301, preserveQueryString: true, targetUrl: { expression: 'concat("https://example.net", http.request.uri.path)' } });
  });
});
