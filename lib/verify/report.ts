import { scorecard } from "./runner";
import type { CheckOutcome } from "./types";

/** The `verify --json` document (DESIGN.md, "Contracts"). */
export function verifyDocument(target: string, outcomes: readonly CheckOutcome[]) {
  return { target, checks: outcomes.map(({ id, area, status, summary, evidence, runbook, hosts }) => ({ id, area, status, summary, evidence, runbook: `runbooks/${runbook}.md`, ...(hosts ? { hosts } : {}) })), scorecard: scorecard(outcomes) };
}

const MAX_EVIDENCE = 8;

/** A terminal table grouped by the checklist's areas, then the scorecard. */
export function verifyText(target: string, outcomes: readonly CheckOutcome[]): string {
  const out = [`Verify ${target}`, ""];
  for (const { area, status, reason } of scorecard(outcomes)) {
    out.push(`${area}: ${status}${reason ? ` (${reason})` : ""}`);
    for (const o of outcomes.filter((x) => x.area === area)) {
      out.push(`  ${o.status.padEnd(4)}  ${o.id.padEnd(22)}  ${o.status === "error" ? `could not run: ${o.summary}` : o.summary}`);
      if (o.status === "fail" || o.status === "warn") {
        out.push(`        runbook: runbooks/${o.runbook}.md`);
        // What was seen, so the finding can be reproduced without rerunning with --json.
        for (const e of o.evidence.slice(0, MAX_EVIDENCE)) out.push(`        - ${e}`);
        if (o.evidence.length > MAX_EVIDENCE) out.push(`        - (${o.evidence.length - MAX_EVIDENCE} more in --json)`);
      }
    }
  }
  const failed = outcomes.filter((o) => o.status === "fail").length;
  out.push("", failed ? `Result: ${failed} check${failed === 1 ? "" : "s"} failed` : "Result: no check failed");
  return `${out.join("\n")}\n`;
}

/** For a pull request or an issue: the scorecard, then the checks that need attention. */
export function verifyMarkdown(target: string, outcomes: readonly CheckOutcome[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const lines = [`### verify ${target}`, "", "| area | status |", "|---|---|", ...scorecard(outcomes).map((a) => `| ${a.area} | ${a.status}${a.reason ? ` (${esc(a.reason)})` : ""} |`), "", "| check | status | summary | runbook |", "|---|---|---|---|"];
  for (const o of outcomes) lines.push(`| \`${o.id}\` | ${o.status} | ${esc(o.summary)} | runbooks/${o.runbook}.md |`);
  return `${lines.join("\n")}\n`;
}
