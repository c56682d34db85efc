import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import type { Environment } from "../lib/config/keys";
import { envName } from "../lib/naming";

export interface OriginLockdownArgs {
  readonly environment: Environment;
  readonly zoneId: pulumi.Input<string>;
  /** Zone-level Authenticated Origin Pulls with this stack's own client certificate. Default true. */
  readonly authenticatedOriginPulls?: boolean;
  /** Security groups of AWS origins: HTTPS ingress from Cloudflare's published ranges only. */
  readonly securityGroupIds?: readonly string[];
}

/**
 * The origin accepts only the edge. Cloudflare presents a client certificate on every request to
 * the origin (Authenticated Origin Pulls), signed by a CA this stack makes, so the origin can
 * demand it; Cloudflare's shared certificate would not do, since any Cloudflare customer's zone
 * presents that one too. AWS origins' security groups also get HTTPS ingress from Cloudflare's
 * ranges, read through the provider (the caller removes any open rule the group already has).
 */
export class OriginLockdown extends pulumi.ComponentResource {
  /** The CA origins must require client certificates from (nginx ssl_client_certificate, an ALB trust store). */
  public readonly originPullCaPem?: pulumi.Output<string>;

  constructor(name: string, args: OriginLockdownArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch:edge:OriginLockdown", name, args, opts);
    const parent = { parent: this };
    const env = args.environment;

    if (args.authenticatedOriginPulls !== false) {
      const caKey = new tls.PrivateKey(`${name}-aop-ca-key`, { algorithm: "RSA", rsaBits: 2048 }, { ...parent, additionalSecretOutputs: ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"] });
      const ca = new tls.SelfSignedCert(
        `${name}-aop-ca`,
        { privateKeyPem: caKey.privateKeyPem, isCaCertificate: true, validityPeriodHours: 5 * 365 * 24, allowedUses: ["cert_signing", "crl_signing"], subject: { commonName: `${envName(env, "origin-pull-ca")}`, organization: "launch-baseline" } },
        parent,
      );
      const clientKey = new tls.PrivateKey(`${name}-aop-client-key`, { algorithm: "RSA", rsaBits: 2048 }, { ...parent, additionalSecretOutputs: ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"] });
      const csr = new tls.CertRequest(`${name}-aop-client-csr`, { privateKeyPem: clientKey.privateKeyPem, subject: { commonName: `${envName(env, "cloudflare-origin-pull")}`, organization: "launch-baseline" } }, parent);
      // Renewed a month before it expires, on the next deploy.
      const client = new tls.LocallySignedCert(
        `${name}-aop-client`,
        { certRequestPem: csr.certRequestPem, caPrivateKeyPem: caKey.privateKeyPem, caCertPem: ca.certPem, validityPeriodHours: 365 * 24, earlyRenewalHours: 30 * 24, allowedUses: ["client_auth", "digital_signature", "key_encipherment"] },
        parent,
      );
      const certificate = new cloudflare.AuthenticatedOriginPullsCertificate(`${name}-aop-certificate`, { zoneId: args.zoneId, certificate: client.certPem, privateKey: pulumi.secret(clientKey.privateKeyPem) }, parent);
      new cloudflare.AuthenticatedOriginPullsSettings(`${name}-aop`, { zoneId: args.zoneId, enabled: true }, { ...parent, dependsOn: [certificate] });
      this.originPullCaPem = ca.certPem;
    }

    if (args.securityGroupIds?.length) {
      const ranges = cloudflare.getIpRangesOutput({}, parent);
      for (const sg of args.securityGroupIds) {
        new aws.ec2.SecurityGroupRule(
          `${name}-${sg}-https-from-cloudflare`,
          { type: "ingress", securityGroupId: sg, protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ranges.ipv4Cidrs, ipv6CidrBlocks: ranges.ipv6Cidrs, description: "HTTPS from Cloudflare's edge only (launch-baseline origin lockdown)" },
          parent,
        );
      }
    }
    this.registerOutputs({ originPullCaPem: this.originPullCaPem });
  }
}
