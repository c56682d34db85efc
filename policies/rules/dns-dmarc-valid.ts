import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { dmarcDueDate, isEnforcing, parseDmarc } from "../../lib/email/dmarc";
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
      const now = `p=${parsed.record.p}${parsed.record.sp ? `, sp=${parsed.record.sp}` : ""}${parsed.record.pct !== undefined ? `, pct=${parsed.record.pct}` : ""}`;
      const due = dmarcDueDate(record.comment);
      const today = new Date().toISOString().slice(0, 10);
      if (due && due >= today) {
        // Staged: accepted until the date, and said so as a dated finding (as a suppression is).
        const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
        report({ message: `staged until ${due} (${days} day${days === 1 ? "" : "s"} left): DMARC at ${record.name} does not enforce yet (${now}). Move to quarantine, then reject, when npm run verify -- --dmarc-reports <dir> says it is safe.`, enforcementLevel: "advisory", urn: args.urn } as never);
        return;
      }
      report(due ? `DMARC at ${record.name} was due to enforce by ${due} and still does not (${now}); this environment requires quarantine or reject.` : `DMARC at ${record.name} does not enforce (${now}); this environment requires quarantine or reject.`);
    }
  }),
};
