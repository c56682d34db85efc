import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { PROBES } from "../lib/probes";
import { CHECKS } from "../lib/verify/checks";
import { catalogue } from "../policies/catalogue";
import { planJson, type PlanJson } from "./helpers/run-plan";

// Runbooks and the links to them: every rule, verify check, alarm and notification names a
// runbook that exists and follows the template.

const SECTIONS = ["## Fires when", "## What it means and who is affected", "## Severity", "## Diagnose", "## Mitigate (least risky first)", "## Roll back", "## Confirm the fix", "## Escalate", "## Write down for the handover"];
const RUNBOOKS = readdirSync("runbooks").filter((f) => f.endsWith(".md") && f !== "README.md" && f !== "TEMPLATE.md").map((f) => f.replace(/\.md$/, ""));
// Runbooks the handover document links to (the on-call checklist is followed at every handover).
const LINKED_BY_HANDOVER = [...readFileSync("lib/handover/model.ts", "utf8").matchAll(/runbooks\/([a-z0-9-]+)\.md/g)].map((m) => m[1]);

const docs: PlanJson[] = [];
beforeAll(async () => {
  for (const s of ["prod", "staging", "dev"]) docs.push((await planJson(s)).doc);
});

function namedByStacks(): Set<string> {
  const named = new Set<string>();
  for (const doc of docs) {
    for (const r of doc.resources) {
      const text = `${r.inputs.alarmDescription ?? ""} ${r.inputs.description ?? ""}`;
      for (const m of text.matchAll(/runbooks\/([a-z0-9-]+)\.md/g)) named.add(m[1]);
    }
  }
  return named;
}

describe("runbooks", () => {
  it.each(RUNBOOKS)("%s follows the template", (name) => {
    const text = readFileSync(`runbooks/${name}.md`, "utf8");
    expect(text.startsWith("# ")).toBe(true);
    for (const s of SECTIONS) expect(text).toContain(`\n${s}\n`);
  });

  it("every runbook a rule, an alarm or a notification names exists", () => {
    const named = new Set([...catalogue().map((e) => e.runbook), ...CHECKS.map((c) => c.runbook), ...PROBES.map((p) => p.runbook), ...namedByStacks()]);
    expect([...named].filter((n) => !RUNBOOKS.includes(n))).toEqual([]);
    // Every alarm and notification the stacks create names one.
    for (const doc of docs) {
      for (const r of doc.resources.filter((x) => x.type === "aws:cloudwatch/metricAlarm:MetricAlarm" || x.type === "cloudflare:index/notificationPolicy:NotificationPolicy")) {
        expect(`${r.inputs.alarmDescription ?? r.inputs.description}`).toMatch(/Runbook: runbooks\/[a-z0-9-]+\.md$/);
      }
    }
  });

  it("every runbook is linked from something: a rule, a verify check, an alarm, a notification or the handover", () => {
    const named = new Set([...catalogue().map((e) => e.runbook), ...CHECKS.map((c) => c.runbook), ...PROBES.map((p) => p.runbook), ...namedByStacks(), ...LINKED_BY_HANDOVER]);
    expect(RUNBOOKS.filter((r) => !named.has(r))).toEqual([]);
    expect(LINKED_BY_HANDOVER.filter((r) => !RUNBOOKS.includes(r))).toEqual([]);
  });

  it("the index lists every runbook", () => {
    const index = readFileSync("runbooks/README.md", "utf8");
    for (const r of RUNBOOKS) expect(index).toContain(`(${r}.md)`);
  });
});
