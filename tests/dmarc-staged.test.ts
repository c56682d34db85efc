import { describe, expect, it } from "vitest";
import { editedStacks, runPlan } from "./helpers/run-plan";

// Staged DMARC: prod accepts p=none or a partial pct only until the date in the config, says so
// as a dated finding, and blocks once the date has passed. The date rides on the record's comment.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const staged = (lines: string) => editedStacks("prod", (y) => y.replace("      aspf: r\n", `      aspf: r\n${lines}`));

interface Doc {
  resources: Array<{ name: string; inputs: Record<string, unknown> }>;
  policy: { violations: Array<{ policy: string; enforcementLevel: string; message: string }> };
}
const dmarcOf = (doc: Doc) => doc.policy.violations.filter((v) => v.policy === "dns-dmarc-valid");

describe("staged DMARC", () => {
  it("before the date: the record says p=none with its due date, and the gate passes with a dated advisory finding", async () => {
    const due = day(60);
    const r = await runPlan(["--stack", "prod", "--stacks-dir", staged(`      policy: none\n      enforceBy: "${due}"\n`), "--json"]);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.resources.find((x) => x.name === "email-dmarc")!.inputs).toMatchObject({ name: "_dmarc.example.com", type: "TXT", content: "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com; adkim=r; aspf=r", comment: `DMARC; staged, enforcement due ${due}` });
    expect(dmarcOf(doc)).toEqual([{ policy: "dns-dmarc-valid", enforcementLevel: "advisory", severity: "high", urn: expect.stringContaining("email-dmarc"), message: `staged until ${due} (60 days left): DMARC at _dmarc.example.com does not enforce yet (p=none). Move to quarantine, then reject, when npm run verify -- --dmarc-reports <dir> says it is safe.` }]);
    expect(r.code).toBe(0);
  });

  it("a partial pct is staged the same way, and written into the record", async () => {
    const due = day(30);
    const r = await runPlan(["--stack", "prod", "--stacks-dir", staged(`      policy: quarantine\n      pct: 25\n      enforceBy: "${due}"\n`), "--json"]);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.resources.find((x) => x.name === "email-dmarc")!.inputs.content).toBe("v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@example.com; adkim=r; aspf=r; pct=25");
    expect(dmarcOf(doc).map((v) => [v.enforcementLevel, v.message.split(":")[0]])).toEqual([["advisory", `staged until ${due} (30 days left)`]]);
    expect(r.code).toBe(0);
  });

  it("after the date: a mandatory finding blocks the deploy", async () => {
    const due = day(-1);
    const r = await runPlan(["--stack", "prod", "--stacks-dir", staged(`      policy: none\n      enforceBy: "${due}"\n`), "--json"]);
    expect(dmarcOf(JSON.parse(r.stdout) as Doc).map((v) => [v.enforcementLevel, v.message])).toEqual([["mandatory", `DMARC at _dmarc.example.com was due to enforce by ${due} and still does not (p=none); this environment requires quarantine or reject.`]]);
    expect(r.code).toBe(1);
  });

  it.each([
    ["      policy: none\n      pct: 50\n", 'launch-baseline:email.dmarc.pct = 50: applies to quarantine or reject only; with policy none there is nothing to roll out partly'],
    ['      enforceBy: "2027-03-01"\n', 'launch-baseline:email.dmarc.enforceBy = "2027-03-01": dates a staged rollout, but the policy already enforces fully; remove it'],
    ['      policy: none\n      enforceBy: "2027-02-30"\n', 'launch-baseline:email.dmarc.enforceBy = "2027-02-30": must be a real calendar date, YYYY-MM-DD'],
  ])("refuses %j", async (lines, problem) => {
    const r = await runPlan(["--stack", "prod", "--stacks-dir", staged(lines)]);
    expect(r.stderr).toContain(`  - ${problem}`);
    expect(r.code).toBe(2);
  });
});
