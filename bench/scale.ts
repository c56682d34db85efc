import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import { policies } from "../policies/policies";
import { measureNode, type Measurement } from "./measure";
import { syntheticResources } from "./synthetic";

// Policy evaluation (in-process, median of several runs) and the full offline plan (a separate
// process per run: program on the mock engine, policies, report) at 100, 1,000 and 10,000
// resources. Targets: evaluation of 10,000 under 2 s, plan under 20 s, ten times the resources
// at most twelve times the time, and peak memory under 1 GB.

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function evaluationSeconds(n: number, runs: number): Promise<number> {
  const config = resolvePolicyConfig(policies, "policies/config/prod.json");
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const resources = syntheticResources(n);
    const start = process.hrtime.bigint();
    const v = await evaluatePolicies(policies, resources, config);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (v.some((x) => x.enforcementLevel === "mandatory" && !x.policy.startsWith("uptime") && !x.policy.startsWith("rate-limits"))) throw new Error(`synthetic stack has findings: ${v[0].policy}`);
  }
  return median(times);
}

export async function benchScale(runs: number): Promise<string> {
  const sizes = [100, 1000, 10000];
  const rows: Array<{ n: number; evaluation: number; plan: Measurement }> = [];
  for (const n of sizes) {
    const evaluation = await evaluationSeconds(n, Math.max(3, runs));
    process.env.SYNTHETIC_RESOURCES = String(n);
    // Exit 1 is expected: a synthetic stack has no uptime checks or rate limits for the coverage rules.
    const plan = measureNode(`plan of ${n}`, ["--max-semi-space-size=64", "-r", require.resolve("../cli/register.js"), "cli/plan.ts", "--stack", "prod", "--program", "bench/synthetic-program.ts", "--json"], n >= 10000 ? Math.min(runs, 3) : runs, [0, 1]);
    rows.push({ n, evaluation, plan });
  }
  delete process.env.SYNTHETIC_RESOURCES;
  const growth = (key: (r: (typeof rows)[number]) => number) => rows.slice(1).map((r, i) => (key(r) / key(rows[i])).toFixed(1));
  const big = rows[rows.length - 1];
  const lines = [
    "Scale (synthetic mix: DNS records, zone settings, secrets, functions with environment maps):",
    "  resources  policy evaluation  full offline plan  peak RSS",
    ...rows.map((r) => `  ${String(r.n).padStart(9)}  ${r.evaluation.toFixed(3).padStart(15)} s  ${r.plan.medianSeconds.toFixed(2).padStart(15)} s  ${r.plan.peakRssMiB.toFixed(0).padStart(5)} MiB`),
    `  growth per 10x resources: evaluation ${growth((r) => r.evaluation).join("x, ")}x; plan ${growth((r) => r.plan.medianSeconds).join("x, ")}x`,
    `  targets: evaluation of 10,000 under 2 s ${big.evaluation < 2 ? "MET" : "MISSED"}; plan of 10,000 under 20 s ${big.plan.medianSeconds < 20 ? "MET" : "MISSED"}; ` +
      `growth at most 12x ${rows.slice(1).every((r, i) => r.plan.medianSeconds / rows[i].plan.medianSeconds <= 12 && r.evaluation / rows[i].evaluation <= 12) ? "MET" : "MISSED"}; memory under 1 GB ${big.plan.peakRssMiB < 1024 ? "MET" : "MISSED"}`,
  ];
  return lines.join("\n");
}
