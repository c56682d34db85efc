import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { isDkimKeyRecord, parseDkimKey } from "../../lib/email/dkim";
import { txtSplitProblem } from "../../lib/email/txt";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";
import { isDkimName, txtValue } from "./dns-records";

export const dnsDkimKeyStrength: LaunchResourcePolicy = {
  name: "dns-dkim-key-strength",
  description: "DKIM keys must be RSA of at least 2048 bits, and any TXT value over 255 characters must be written as quoted strings of at most 255 characters so resolvers receive it intact.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Rotate to a 2048-bit key (the self-managed option and Amazon SES Easy DKIM already use 2048). Write long values as "part1" "part2"; launch-baseline splits the records it builds.',
  references: [OWASP_API8_MISCONFIGURATION, { standard: "RFC", id: "RFC 8301", title: "Cryptographic Algorithm and Key Usage Update to DKIM", url: "https://www.rfc-editor.org/rfc/rfc8301" }, asvs("V6.2.3", "Approved cryptographic algorithms and key sizes")],
  runbook: "email-deliverability",
  validateResource: validateResourceOfType(cloudflare.DnsRecord, (record, _args, report) => {
    if (record.type !== "TXT") return;
    const split = txtSplitProblem(String(record.content ?? ""));
    if (split) report(`TXT at ${record.name} holds ${split}.`);
    const value = txtValue(record as { name: string; type: string; content?: string });
    if (!isDkimName(record.name) || !isDkimKeyRecord(value)) return;
    for (const e of parseDkimKey(value).errors) report(`DKIM key at ${record.name}: ${e}.`);
  }),
};
