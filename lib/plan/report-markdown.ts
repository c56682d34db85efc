import type { PlanResult } from "./plan";

/** A pull-request comment: the verdict first, then the findings that matter, then the rest. */
export function markdownReport(r: PlanResult): string {
  const mandatory = r.violations.filter((v) => v.enforcementLevel === "mandatory");
  const others = r.violations.filter((v) => v.enforcementLevel !== "mandatory");
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const row = (v: (typeof r.violations)[number]) => `| ${v.undecided ? "undecided" : v.suppressed ? "suppressed" : v.enforcementLevel} | \`${v.policy}\` | ${v.severity ?? ""} | ${esc(r.resources.find((x) => x.urn === v.urn)?.name ?? "stack")} | ${esc(v.message)} |`;
  const lines = [
    `### ${r.passed ? "✅" : "❌"} launch-baseline plan: stack \`${r.stack}\` ${r.passed ? "passed" : `blocked by ${mandatory.length} mandatory violation${mandatory.length === 1 ? "" : "s"}`}`,
    "",
    `${r.resources.length} resources planned offline (no cloud calls). Policy config: \`${r.policyConfigPath ?? "defaults"}\`.`,
  ];
  if (r.violations.length) lines.push("", "| level | rule | severity | resource | finding |", "|---|---|---|---|---|", ...[...mandatory, ...others].map(row));
  else lines.push("", "No findings.");
  return `${lines.join("\n")}\n`;
}
