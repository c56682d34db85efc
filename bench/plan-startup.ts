import { measureNode, table } from "./measure";

/** Issue target: `plan --stack prod --json` within 2.5 times a bare require of the Pulumi SDK. */
export function benchPlanStartup(runs: number): { ratio: number; report: string } {
  const floor = measureNode(`floor: node -e "require('@pulumi/pulumi')"`, ["-e", "require('@pulumi/pulumi')"], runs);
  const plan = measureNode("plan --stack prod --json", ["--max-semi-space-size=64", "-r", require.resolve("../cli/register.js"), "cli/plan.ts", "--stack", "prod", "--json"], runs);
  const ratio = plan.medianSeconds / floor.medianSeconds;
  const report = [
    "Offline plan startup (median wall time, peak RSS):",
    table([floor, plan]),
    `  ratio: ${ratio.toFixed(2)}x the floor (target at most 2.5x) ${ratio <= 2.5 ? "MET" : "MISSED"}`,
  ].join("\n");
  return { ratio, report };
}
