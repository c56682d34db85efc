import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import { policies } from "../policies/policies";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureNode, type Measurement } from "./measure";
import { syntheticExport, syntheticResources } from "./synthetic";

// Policy evaluation (in-process, median of several runs) and the full offline plan (a separate
// process per run: program on the mock engine, policies, report) at 100, 1,000 and 10,000
// resources, each beside its reference: the Pulumi SDK's own mock engine running the same program
// with nothing of ours (bench/sdk-reference.ts). Targets: evaluation of 10,000 under 2 s, plan
// under 20 s, ten times the resources at most twelve times the time, and peak memory under 1 GB.

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const REGISTER = ["--max-semi-space-size=64", "-r", require.resolve("../cli/register.js")];
const PROGRAM = "bench/synthetic-program.ts";

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

/** The SDK alone on its mock engine; `diagnostics` "off" is the state the plan runs the SDK in. */
function sdkReference(n: number, runs: number, diagnostics: "on" | "off"): Measurement {
  process.env.SDK_DIAGNOSTICS = diagnostics;
  try {
    return measureNode(`SDK of ${n}, diagnostics ${diagnostics}`, [...REGISTER, "bench/sdk-reference.ts", PROGRAM], runs);
  } finally {
    delete process.env.SDK_DIAGNOSTICS;
  }
}

/** `plan --state` of the same mix as a stack export: the pack on deployed state, no SDK. */
function stateAudit(n: number, runs: number): Measurement {
  const dir = mkdtempSync(join(tmpdir(), "lb-state-"));
  try {
    const file = join(dir, "export.json");
    writeFileSync(file, JSON.stringify(syntheticExport(n)));
    return measureNode(`state audit of ${n}`, [...REGISTER, "cli/plan.ts", "--state", file, "--json"], runs, [0, 1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchScale(runs: number): Promise<string> {
  const sizes = [100, 1000, 10000];
  const rows: Array<{ n: number; evaluation: number; plan: Measurement; sdk: Measurement }> = [];
  let shipped: Measurement | undefined;
  let audit: Measurement | undefined;
  for (const n of sizes) {
    const evaluation = await evaluationSeconds(n, Math.max(3, runs));
    process.env.SYNTHETIC_RESOURCES = String(n);
    const processRuns = n >= 10000 ? Math.min(runs, 3) : runs;
    // Exit 1 is expected: a synthetic stack has no uptime checks or rate limits for the coverage rules.
    const plan = measureNode(`plan of ${n}`, [...REGISTER, "cli/plan.ts", "--stack", "prod", "--program", PROGRAM, "--json"], processRuns, [0, 1]);
    const sdk = sdkReference(n, processRuns, "off");
    // One run of the SDK as shipped shows what switching its diagnostics off buys (about 80 s here).
    if (n >= 10000) {
      shipped = sdkReference(n, 1, "on");
      audit = stateAudit(n, processRuns);
    }
    rows.push({ n, evaluation, plan, sdk });
  }
  delete process.env.SYNTHETIC_RESOURCES;
  const growth = (key: (r: (typeof rows)[number]) => number) => rows.slice(1).map((r, i) => (key(r) / key(rows[i])).toFixed(1));
  const big = rows[rows.length - 1];
  const s = (x: number, w: number) => x.toFixed(2).padStart(w);
  const mib = (m: Measurement) => `${m.peakRssMiB.toFixed(0).padStart(5)} MiB`;
  const lines = [
    "Scale (synthetic mix: DNS records, zone settings, secrets, functions with environment maps):",
    "  resources  policy evaluation  full offline plan  peak RSS   reference: SDK alone, diagnostics off   plan / reference",
    ...rows.map((r) => `  ${String(r.n).padStart(9)}  ${r.evaluation.toFixed(3).padStart(15)} s  ${s(r.plan.medianSeconds, 15)} s  ${mib(r.plan)}  ${s(r.sdk.medianSeconds, 27)} s  ${mib(r.sdk)}   ${(r.plan.medianSeconds / r.sdk.medianSeconds).toFixed(2)}x time, ${(r.plan.peakRssMiB / r.sdk.peakRssMiB).toFixed(2)}x memory`),
    ...(audit ? [`  audit of the same ${big.n} resources from a stack export (plan --state, no SDK): ${audit.medianSeconds.toFixed(2)} s, ${mib(audit).trim()}`] : []),
    ...(shipped ? [`  the SDK as shipped (diagnostics on) at ${big.n}: ${shipped.medianSeconds.toFixed(1)} s, ${mib(shipped).trim()} (1 run)`] : []),
    `  growth per 10x resources: evaluation ${growth((r) => r.evaluation).join("x, ")}x; plan ${growth((r) => r.plan.medianSeconds).join("x, ")}x`,
    `  targets: evaluation of 10,000 under 2 s ${big.evaluation < 2 ? "MET" : "MISSED"}; plan of 10,000 under 20 s ${big.plan.medianSeconds < 20 ? "MET" : "MISSED"}; ` +
      `growth at most 12x ${rows.slice(1).every((r, i) => r.plan.medianSeconds / rows[i].plan.medianSeconds <= 12 && r.evaluation / rows[i].evaluation <= 12) ? "MET" : "MISSED"}; memory under 1 GB ${big.plan.peakRssMiB < 1024 ? "MET" : `MISSED (the SDK alone needs ${big.sdk.peakRssMiB.toFixed(0)} MiB)`}`,
  ];
  return lines.join("\n");
}
