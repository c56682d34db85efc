import { parseSpf } from "../../lib/email/spf";
import { OWASP_API8_MISCONFIGURATION, type LaunchStackPolicy } from "../rule";
import { dnsRecords, isDkimName, normalizeName, txtValue } from "./dns-records";

export const dnsMailRecordsNotProxied: LaunchStackPolicy = {
  name: "dns-mail-records-not-proxied",
  description: "Mail records must be DNS-only: MX and TXT records, DKIM CNAMEs, hosts that MX records point to, and hosts SPF names with a/mx. Proxied, they resolve to Cloudflare, which does not carry mail.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set proxied: false on the record. A host that serves both web and mail needs two names: the web one proxied, the mail one DNS-only.",
  references: [OWASP_API8_MISCONFIGURATION, { standard: "Vendor", id: "Cloudflare DNS", title: "Proxied and DNS-only records", url: "https://developers.cloudflare.com/dns/proxy-status/" }],
  runbook: "email-deliverability",
  validateStack: (args, report) => {
    const records = dnsRecords(args.resources);
    const mailHosts = new Set<string>();
    for (const { props } of records) {
      if (props.type === "MX" && props.content) mailHosts.add(normalizeName(props.content));
      if (props.type === "TXT") {
        for (const t of parseSpf(txtValue(props)).terms) {
          if (t.name === "a" || t.name === "mx") mailHosts.add(normalizeName(t.kind === "mechanism" && t.value ? t.value : props.name));
        }
      }
    }
    for (const { resource, props } of records) {
      if (props.proxied !== true) continue;
      const name = normalizeName(props.name);
      if (props.type === "MX" || props.type === "TXT") report(`${props.type} record ${props.name} is proxied; mail records must be DNS-only.`, resource.urn);
      else if (isDkimName(name)) report(`DKIM record ${props.name} is proxied; receivers would not find the key.`, resource.urn);
      else if (mailHosts.has(name)) report(`${props.name} receives or sends mail (named by MX or SPF) but is proxied; it would resolve to Cloudflare.`, resource.urn);
    }
  },
};
