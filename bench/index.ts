import { benchPlanStartup } from "./plan-startup";

// `npm run bench`: every performance target of the project, each measured beside its reference in
// the same run. RUNS overrides the number of runs per measurement (default 7).
const runs = Number(process.env.RUNS ?? 7);

function main(): void {
  process.stderr.write(`launch-baseline benchmarks, ${runs} runs each\n`);
  const plan = benchPlanStartup(runs);
  process.stderr.write("\n");
  process.stdout.write(`${plan.report}\n`);
}

main();
