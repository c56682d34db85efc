import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { isWithinZone, nameInZone, originRecordType } from "../lib/dns/names";
import { caaRecords } from "./edge/caa-records";
import { canonicalRedirectRule } from "./edge/redirect-rule";
import { SSL_AUTOMATIC_MODE, transportSettings, type HstsSettings } from "./edge/zone-settings";

export interface EdgeHost {
  /** Public host name inside the zone, e.g. `app.example.com`. */
  readonly hostname: string;
  /** Where Cloudflare forwards it: a host name (CNAME) or an IPv4/IPv6 address (A/AAAA). */
  readonly origin: string;
}

// Host names, the redirect and CAA values are plain values, not Inputs: they decide which
// resources exist and what they are called, which must be known before anything is deployed.
export interface EdgeSecurityArgs {
  /** Cloudflare zone id. */
  readonly zoneId: pulumi.Input<string>;
  /** The zone's apex, e.g. `example.com`. */
  readonly zoneName: string;
  /** Hosts served through Cloudflare; each gets one proxied record. */
  readonly hosts: readonly EdgeHost[];
  /** Alias hosts permanently redirected to a canonical host. Default: none. */
  readonly canonicalRedirect?: { readonly from: readonly string[]; readonly to: string };
  /** Lowest TLS version accepted at the edge. Default `"1.2"`. */
  readonly minTlsVersion?: "1.2" | "1.3";
  /** Strict-Transport-Security sent by the edge. */
  readonly hsts: HstsSettings;
  /** CAs allowed to issue for the zone and where they report refusals. */
  readonly caa: { readonly issuers: readonly string[]; readonly iodef: string };
  /** Sign the zone with DNSSEC. Default `true`. */
  readonly dnssec?: boolean;
}

/**
 * Transport security for one Cloudflare zone: Full (strict) TLS to the origin, HTTPS only, TLS 1.2+,
 * HSTS, proxied records for the public hosts, a canonical-host redirect, CAA and DNSSEC.
 */
export class EdgeSecurity extends pulumi.ComponentResource {
  public readonly settings: Record<string, cloudflare.ZoneSetting>;
  public readonly hostRecords: cloudflare.DnsRecord[];
  public readonly caaRecords: cloudflare.DnsRecord[];
  public readonly redirect?: cloudflare.Ruleset;
  public readonly dnssec?: cloudflare.ZoneDnssec;
  /** The DS record to publish at the registrar; unknown until Cloudflare has signed the zone. */
  public readonly dsRecord: pulumi.Output<string | undefined>;

  constructor(name: string, args: EdgeSecurityArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:edge:EdgeSecurity", name, args, opts);
    validate(args);
    const parent = { parent: this };

    this.settings = {};
    let automaticMode: cloudflare.ZoneSetting | undefined;
    for (const s of transportSettings({ minTlsVersion: args.minTlsVersion ?? "1.2", hsts: args.hsts })) {
      // `ssl` only holds once automatic mode is off, so it waits for that setting.
      const dependsOn = s.settingId === "ssl" && automaticMode ? [automaticMode] : [];
      const setting = new cloudflare.ZoneSetting(`${name}-${s.role}`, { zoneId: args.zoneId, settingId: s.settingId, value: s.value }, { ...parent, dependsOn });
      if (s.settingId === SSL_AUTOMATIC_MODE) automaticMode = setting;
      this.settings[s.role] = setting;
    }

    this.hostRecords = args.hosts.map(
      (h) =>
        new cloudflare.DnsRecord(
          `${name}-host-${nameInZone(h.hostname, args.zoneName)}`,
          { zoneId: args.zoneId, name: h.hostname, type: originRecordType(h.origin)!, content: h.origin, proxied: true, ttl: 1, comment: "Public host, proxied through Cloudflare; managed by launch-baseline" },
          parent,
        ),
    );

    this.caaRecords = caaRecords(args.caa.issuers, args.caa.iodef).map(
      (r) => new cloudflare.DnsRecord(`${name}-${r.role}`, { zoneId: args.zoneId, name: args.zoneName, type: "CAA", ttl: 3600, data: r.data }, parent),
    );

    if (args.canonicalRedirect) {
      this.redirect = new cloudflare.Ruleset(
        `${name}-canonical-redirect`,
        {
          zoneId: args.zoneId,
          kind: "zone",
          phase: "http_request_dynamic_redirect",
          name: "Canonical host redirect",
          description: "Managed by launch-baseline",
          rules: [canonicalRedirectRule(args.canonicalRedirect.from, args.canonicalRedirect.to)],
        },
        parent,
      );
    }

    if (args.dnssec ?? true) {
      this.dnssec = new cloudflare.ZoneDnssec(`${name}-dnssec`, { zoneId: args.zoneId, status: "active" }, parent);
    }
    this.dsRecord = this.dnssec ? this.dnssec.ds : pulumi.output(undefined);

    this.registerOutputs({ dsRecord: this.dsRecord });
  }
}

function validate(args: EdgeSecurityArgs): void {
  for (const h of args.hosts) {
    if (!isWithinZone(h.hostname, args.zoneName)) throw new Error(`EdgeSecurity: host ${h.hostname} is not in zone ${args.zoneName}`);
    if (!originRecordType(h.origin)) throw new Error(`EdgeSecurity: origin ${h.origin} of ${h.hostname} is neither a host name nor an IP address`);
  }
  const names = args.hosts.map((h) => h.hostname);
  for (const n of [...(args.canonicalRedirect?.from ?? []), ...(args.canonicalRedirect ? [args.canonicalRedirect.to] : [])]) {
    if (!names.includes(n)) throw new Error(`EdgeSecurity: redirect host ${n} is not one of the hosts`);
  }
}
