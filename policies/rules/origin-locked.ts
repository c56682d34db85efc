import { withinCloudflare } from "../../lib/edge/cloudflare-ranges";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchStackPolicy } from "../rule";
import { str } from "./logging";
import { known, ofType } from "./monitoring";

const RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const AOP_SETTINGS = "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings";
const AOP_CERTIFICATE = "cloudflare:index/authenticatedOriginPullsCertificate:AuthenticatedOriginPullsCertificate";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const SG_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

export const originLocked: LaunchStackPolicy = {
  name: "origin-locked",
  description: "Every proxied host's origin accepts only the edge: zone-level Authenticated Origin Pulls with the stack's own certificate, or security groups open to Cloudflare's ranges alone; and no security group rule this stack makes opens HTTPS to the world.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Keep launch-baseline:originLockdown.authenticatedOriginPulls on (and make the origin require the originPullCa client certificate: docs/infrastructure.md, Origin lockdown), or list the origins' security groups in originLockdown.securityGroupIds. Remove any 0.0.0.0/0 or ::/0 rule on port 443.",
  references: [OWASP_API8_MISCONFIGURATION, asvs("V14.5.3", "The origin accepts requests only from trusted sources")],
  runbook: "origin-exposed",
  validateStack: (args, report) => {
    const zonesWithPulls = new Set(
      ofType(args.resources, AOP_SETTINGS)
        .filter((s) => known(() => s.props.enabled === true))
        .map((s) => str(s, "zoneId"))
        .filter((z) => ofType(args.resources, AOP_CERTIFICATE).some((c) => str(c, "zoneId") === z)),
    );
    const rules = [...ofType(args.resources, SG_RULE), ...ofType(args.resources, SG_INGRESS)];
    const cidrsOf = (r: (typeof rules)[number]) => known(() => [r.props.cidrBlocks, r.props.ipv6CidrBlocks, r.props.cidrIpv4, r.props.cidrIpv6].flat().filter((c): c is string => typeof c === "string")) ?? [];
    const https = (r: (typeof rules)[number]) => known(() => (r.props.type ?? "ingress") === "ingress" && Number(r.props.fromPort ?? 0) <= 443 && Number(r.props.toPort ?? 65535) >= 443) ?? false;
    for (const r of rules.filter(https)) {
      const open = cidrsOf(r).filter((c) => c === "0.0.0.0/0" || c === "::/0");
      if (open.length) report(`security group rule ${r.name} opens HTTPS to ${open.join(" and ")}: anyone can reach the origin around the edge.`, r.urn);
    }
    const lockedBySg = rules.some((r) => https(r) && cidrsOf(r).length > 0 && cidrsOf(r).every(withinCloudflare));
    for (const record of ofType(args.resources, RECORD)) {
      if (!known(() => record.props.proxied === true)) continue;
      if (zonesWithPulls.has(str(record, "zoneId")) || lockedBySg) continue;
      report(`proxied host ${str(record, "name")}: its origin is not locked to the edge (no Authenticated Origin Pulls with the stack's certificate, no security group limited to Cloudflare's ranges).`, record.urn);
    }
  },
};
