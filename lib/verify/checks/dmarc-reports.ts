import type { Check } from "../types";
import { CouldNotRun } from "../types";

// email.dmarc-reports: the aggregate reports of --dmarc-reports, read before the checks run. The
// verdict is the next DMARC step and whether the evidence supports it (lib/dmarc/analyze.ts).

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : "0%");
const n = (x: number) => x.toLocaleString("en-US");

export const emailDmarcReports: Check = {
  id: "email.dmarc-reports",
  needs: "dmarc-reports",
  area: "Email security",
  runbook: "email-deliverability",
  async run(ctx) {
    const a = ctx.dmarcReports!;
    const malformed = a.malformed.length ? `; ${a.malformed.length} malformed report${a.malformed.length > 1 ? "s" : ""} skipped` : "";
    if (a.reports === 0) throw new CouldNotRun(`no readable aggregate report${a.malformed.length ? ` (${a.malformed.length} malformed: ${a.malformed[0].file}: ${a.malformed[0].reason})` : ""}. Fix: point --dmarc-reports at the folder the rua mailbox's attachments are saved in.`);
    const evidence = [
      `${n(a.reports)} reports for ${a.domains.join(", ")} over ${a.days} days: ${n(a.aligned)} of ${n(a.messages)} messages aligned (${pct(a.aligned, a.messages)})`,
      ...a.sources.map((s) => `source ${s.source}${s.identified ? "" : " (unidentified)"}: ${n(s.messages)} messages from ${s.ips} address${s.ips > 1 ? "es" : ""}, ${pct(s.aligned, s.messages)} aligned`),
      ...a.groups.map((g) => `group ${g.source} | From ${g.headerFrom} | DKIM ${g.dkim} | SPF ${g.spf} | ${n(g.messages)}`),
      ...a.malformed.map((m) => `malformed ${m.file}: ${m.reason}`),
    ];
    const r = a.readiness;
    const share = `${pct(a.aligned, a.messages)} of ${n(a.messages)} messages aligned over ${a.days} day${a.days === 1 ? "" : "s"}`;
    if (r.next.startsWith("none")) {
      const failing = a.sources.filter((s) => s.identified && s.aligned < 0.98 * s.messages);
      if (failing.length) return { status: "fail", summary: `${r.current} is enforced, and ${failing.map((s) => `${s.source} (${n(s.messages - s.aligned)} of ${n(s.messages)} not aligned)`).join(", ")} lose${failing.length === 1 ? "s" : ""} mail${malformed}`, evidence };
      return { status: "pass", summary: `at enforcement (${r.current}); ${share}${malformed}`, evidence };
    }
    const enforcing = r.current !== "p=none";
    if (r.ready) return { status: "pass", summary: `ready for ${r.next}: ${share}; every identified sender aligned${malformed}`, evidence };
    return { status: enforcing && r.reasons.some((x) => !x.startsWith("the reports cover")) ? "fail" : "warn", summary: `not ready for ${r.next} (now ${r.current}): ${r.reasons.join("; ")}; ${share}${malformed}`, evidence };
  },
};
