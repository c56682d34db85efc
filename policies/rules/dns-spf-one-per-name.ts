import { isSpfRecord } from "../../lib/email/spf";
import { OWASP_API8_MISCONFIGURATION, type LaunchStackPolicy } from "../rule";
import { dnsRecords, normalizeName, txtValue } from "./dns-records";

export const dnsSpfOnePerName: LaunchStackPolicy = {
  name: "dns-spf-one-per-name",
  description: "A name may publish only one SPF record; with two, receivers return permerror and DMARC fails for every message.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Merge the senders into one record per name: list every provider under launch-baseline:email senders instead of adding TXT records by hand.",
  references: [OWASP_API8_MISCONFIGURATION, { standard: "RFC", id: "RFC 7208 3.2", title: "Multiple DNS records", url: "https://www.rfc-editor.org/rfc/rfc7208#section-3.2" }],
  runbook: "email-deliverability",
  validateStack: (args, report) => {
    const seen = new Map<string, string[]>();
    for (const { resource, props } of dnsRecords(args.resources)) {
      if (props.type !== "TXT" || !isSpfRecord(txtValue(props))) continue;
      const key = `${props.zoneId}/${normalizeName(props.name)}`;
      seen.set(key, [...(seen.get(key) ?? []), resource.urn]);
    }
    for (const [key, urns] of seen) {
      if (urns.length > 1) report(`${key.split("/")[1]} has ${urns.length} SPF records; merge them into one.`, urns[1]);
    }
  },
};
