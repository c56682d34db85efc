import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import { nameInZone } from "../lib/dns/names";
import { dkimRecordFromPem } from "../lib/email/dkim";
import { buildDmarc, dmarcComment } from "../lib/email/dmarc";
import { mtaStsRecord, tlsRptRecord } from "../lib/email/mta-sts";
import type { EmailPlan } from "../lib/email/plan";
import { txtContent } from "../lib/email/txt";
import { mtaStsWorkerSource } from "./email/worker";

export interface EmailAuthenticationArgs {
  /** Cloudflare zone id. */
  readonly zoneId: pulumi.Input<string>;
  /** Cloudflare account id, for the MTA-STS Worker. */
  readonly accountId: pulumi.Input<string>;
  /** Short environment name, used in the Worker's script name. */
  readonly environment: string;
  /** What to publish: SPF per sending name, DKIM, DMARC, MX, MTA-STS and TLS-RPT (see resolveEmail). */
  readonly plan: EmailPlan;
}

/**
 * Email authentication for one zone: every record receivers check before they trust a password
 * reset or an invite, all DNS-only. Amazon SES signs with Easy DKIM (three 2048-bit keys); the
 * self-managed option generates an RSA-2048 key pair whose private half stays a secret.
 */
export class EmailAuthentication extends pulumi.ComponentResource {
  public readonly records: cloudflare.DnsRecord[] = [];
  public readonly sesIdentity?: aws.sesv2.EmailIdentity;
  public readonly dkimKey?: tls.PrivateKey;
  /** The self-managed DKIM private key, PEM; always a secret. */
  public readonly dkimPrivateKeyPem?: pulumi.Output<string>;
  /** Records another domain must publish before it accepts our DMARC reports. */
  public readonly reportAuthorizations: readonly { readonly name: string; readonly value: string }[];

  constructor(name: string, args: EmailAuthenticationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:email:EmailAuthentication", name, args, opts);
    const { plan, zoneId } = args;
    const zone = plan.zone;
    const parent = { parent: this };
    const record = (role: string, r: Omit<cloudflare.DnsRecordArgs, "zoneId" | "ttl" | "proxied">, zone_ = zoneId) =>
      this.records.push(new cloudflare.DnsRecord(`${name}-${role}`, { zoneId: zone_, ttl: 1, proxied: false, ...r }, parent));

    for (const spf of plan.spf) {
      record(`spf-${nameInZone(spf.name, zone)}`, { name: spf.name, type: "TXT", content: spf.value, comment: `SPF: ${spf.senders.join(", ") || "no sender uses this name as its envelope"}` });
    }
    record("dmarc", { name: `_dmarc.${zone}`, type: "TXT", content: buildDmarc(plan.dmarc), comment: dmarcComment(plan.dmarcEnforceBy) });

    if (plan.senders.some((s) => s.provider === "amazon-ses")) {
      const ses = plan.senders.find((s) => s.provider === "amazon-ses")!;
      this.sesIdentity = new aws.sesv2.EmailIdentity(`${name}-ses-identity`, { emailIdentity: zone, dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" } }, parent);
      new aws.sesv2.EmailIdentityMailFromAttributes(
        `${name}-ses-mail-from`,
        { emailIdentity: this.sesIdentity.emailIdentity, mailFromDomain: `${ses.envelopeLabel ?? "mail"}.${zone}`, behaviorOnMxFailure: "REJECT_MESSAGE" },
        parent,
      );
      const tokens = this.sesIdentity.dkimSigningAttributes.apply((a) => a?.tokens ?? []);
      // Easy DKIM always issues three tokens; the records exist before their names are known.
      for (const i of [0, 1, 2]) {
        const token = tokens.apply((t) => t[i]);
        record(`ses-dkim-${i}`, { name: pulumi.interpolate`${token}._domainkey.${zone}`, type: "CNAME", content: pulumi.interpolate`${token}.dkim.amazonses.com`, comment: "DKIM: Amazon SES Easy DKIM" });
      }
    }
    for (const m of plan.envelopeMx) {
      record(`mx-envelope-${nameInZone(m.name, zone)}`, { name: m.name, type: "MX", content: m.host, priority: 10, comment: "Bounces for the sending provider's envelope domain" });
    }

    for (const s of plan.senders) {
      if (!s.dkim) continue;
      const who = s.provider === "custom" ? s.name : s.provider;
      if ("publicKey" in s.dkim) {
        record(`dkim-${s.dkim.selector.replace(/\./g, "-")}`, { name: `${s.dkim.selector}._domainkey.${zone}`, type: "TXT", content: txtContent(`v=DKIM1; k=rsa; p=${s.dkim.publicKey}`), comment: `DKIM: ${who}` });
      } else {
        for (const [selector, target] of Object.entries(s.dkim.cnames)) {
          record(`dkim-${selector.replace(/\./g, "-")}`, { name: `${selector}._domainkey.${zone}`, type: "CNAME", content: target, comment: `DKIM: ${who}` });
        }
      }
    }

    if (plan.selfManagedDkim) {
      const { selector } = plan.selfManagedDkim;
      this.dkimKey = new tls.PrivateKey(`${name}-dkim-key`, { algorithm: "RSA", rsaBits: 2048 }, { ...parent, additionalSecretOutputs: ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"] });
      this.dkimPrivateKeyPem = pulumi.secret(this.dkimKey.privateKeyPem);
      record(`dkim-${selector.replace(/\./g, "-")}`, { name: `${selector}._domainkey.${zone}`, type: "TXT", content: this.dkimKey.publicKeyPem.apply((pem) => txtContent(dkimRecordFromPem(pem))), comment: "DKIM: self-managed key" });
    }

    plan.mx.forEach((m, i) => record(`mx-${i}`, { name: zone, type: "MX", content: m.host, priority: m.priority, comment: "Inbound mail" }));

    if (plan.mtaSts) {
      record("mta-sts", { name: `_mta-sts.${zone}`, type: "TXT", content: mtaStsRecord(plan.mtaSts.policy), comment: `MTA-STS (${plan.mtaSts.mode})` });
      const worker = new cloudflare.WorkersScript(
        `${name}-mta-sts-worker`,
        { accountId: args.accountId, scriptName: `mta-sts-${args.environment}`, mainModule: "worker.js", content: mtaStsWorkerSource(plan.mtaSts.policy), compatibilityDate: "2025-01-01" },
        parent,
      );
      new cloudflare.WorkersCustomDomain(`${name}-mta-sts-domain`, { accountId: args.accountId, zoneId, hostname: `mta-sts.${zone}`, service: worker.scriptName }, parent);
    }
    if (plan.tlsRpt?.length) record("tls-rpt", { name: `_smtp._tls.${zone}`, type: "TXT", content: tlsRptRecord(plan.tlsRpt), comment: "TLS-RPT" });

    this.reportAuthorizations = plan.reportAuthorizations;
    if (plan.reportZoneId) {
      plan.reportAuthorizations.forEach((a, i) => record(`dmarc-report-authorization-${i}`, { name: a.name, type: "TXT", content: a.value, comment: `Accept DMARC reports for ${zone}` }, plan.reportZoneId!));
    }

    this.registerOutputs({ reportAuthorizations: this.reportAuthorizations });
  }
}
