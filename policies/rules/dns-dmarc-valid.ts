import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { isEnforcing, parseDmarc } from "../../lib/email/dmarc";
import { OWASP_API8_MISCONFIGURATION, type LaunchResourcePolicy } from "../rule";
import { isDmarcName, txtValue } from "./dns-records";

export const dnsDmarcValid: LaunchResourcePolicy = {
  name: "dns-dmarc-valid",
  description: "Every DMARC record must parse (v=DMARC1 first, p present, known tags, mailto: report addresses) and, where required, enforce: p=quarantine or p=reject for the domain and its subdomains.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set launch-baseline:email dmarc (policy defaults: dev none, staging quarantine, prod reject). Move from none to quarantine to reject once aggregate reports show every legitimate sender passing.",
  references: [OWASP_API8_MISCONFIGURATION, { standard: "RFC", id: "RFC 7489", title: "DMARC", url: "https://www.rfc-editor.org/rfc/rfc7489" }],
  runbook: "email-deliverability",
  configSchema: { properties: { requireEnforcement: { type: "boolean", default: true } } },
  validateResource: validateResourceOfType(cloudflare.DnsRecord, (record, args, report) => {
    if (record.type !== "TXT" || !isDmarcName(record.name)) return;
    const parsed = parseDmarc(txtValue(record as { name: string; type: string; content?: string }));
    for (const e of parsed.errors) report(`DMARC at ${record.name}: ${e}.`);
    const { requireEnforcement } = args.getConfig<{ requireEnforcement: boolean }>();
    if (parsed.record && requireEnforcement && !isEnforcing(parsed.record)) {
      report(`DMARC at ${record.name} does not enforce (p=${parsed.record.p}${parsed.record.sp ? `, sp=${parsed.record.sp}` : ""}${parsed.record.pct !== undefined ? `, pct=${parsed.record.pct}` : ""}); this environment requires quarantine or reject.`);
    }
  }),
};
