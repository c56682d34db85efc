import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { isSpfRecord, lintSpf } from "../../lib/email/spf";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";
import { isDkimName, isDmarcName, txtValue } from "./dns-records";

export const dnsSpfValid: LaunchResourcePolicy = {
  name: "dns-spf-valid",
  description: "Every SPF record must parse, end in an `all` that refuses unknown senders, and stay within 10 DNS lookups counted from the record itself.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Build SPF with launch-baseline:email senders (one record per sending name, addresses before includes). End in -all (~all only in dev). Replace includes with ip4/ip6 ranges when the lookup count is too high; never use +all, ?all or ptr.",
  references: [OWASP_API8_MISCONFIGURATION, { standard: "RFC", id: "RFC 7208", title: "Sender Policy Framework", url: "https://www.rfc-editor.org/rfc/rfc7208" }, asvs("V14.1.1", "Secure and repeatable build and deployment processes")],
  runbook: "email-deliverability",
  configSchema: { properties: { requireFail: { type: "boolean", default: true } } },
  validateResource: validateResourceOfType(cloudflare.DnsRecord, (record, args, report) => {
    // DKIM and DMARC names never hold SPF; skipping them first keeps unknown DKIM keys out of this rule.
    if (record.type !== "TXT" || isDkimName(record.name) || isDmarcName(record.name)) return;
    const value = txtValue(record as { name: string; type: string; content?: string });
    if (!isSpfRecord(value)) return;
    const { requireFail } = args.getConfig<{ requireFail: boolean }>();
    for (const lint of lintSpf(value, { requireFail }).filter((l) => l.severity === "error")) {
      report(`SPF at ${record.name}: ${lint.message}.`);
    }
  }),
};
