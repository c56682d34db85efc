import { benchDmarcReports } from "./dmarc-reports";
import { benchGitleaksBreadth } from "./gitleaks-breadth";
import { benchIndependentCorpus } from "./independent-corpus";
import { benchIndependentFormats } from "./independent-formats";
import { benchLogs } from "./logs";
import { benchPlanStartup } from "./plan-startup";
import { benchProbeLatency } from "./probe-latency";
import { benchScale } from "./scale";
import { benchSecretDetection } from "./secret-detection";
import { benchThirdPartyCode } from "./third-party-code";
import { benchTrufflehogBreadth } from "./trufflehog-breadth";
import { benchVerify } from "./verify";

// `npm run bench`: every performance target of the project, each measured beside its reference in
// the same run. RUNS overrides the runs per process measurement (default 7).
const runs = Number(process.env.RUNS ?? 7);

async function main(): Promise<void> {
  process.stderr.write(`launch-baseline benchmarks (${runs} runs per process measurement)\n`);
  const plan = benchPlanStartup(runs);
  process.stderr.write("\n");
  process.stdout.write(`${plan.report}\n\n`);
  process.stdout.write(`${await benchSecretDetection(5)}\n\n`);
  process.stdout.write(`${await benchIndependentCorpus()}\n\n`);
  process.stdout.write(`${await benchIndependentFormats()}\n\n`);
  process.stdout.write(`${benchGitleaksBreadth()}\n\n`);
  process.stdout.write(`${benchTrufflehogBreadth()}\n\n`);
  process.stdout.write(`${benchThirdPartyCode()}\n\n`);
  process.stdout.write(`${await benchLogs()}\n\n`);
  process.stdout.write(`${await benchVerify(Math.min(runs, 5))}\n\n`);
  process.stdout.write(`${benchDmarcReports()}\n\n`);
  process.stdout.write(`${await benchProbeLatency(Math.min(runs, 5))}\n\n`);
  if (process.env.SKIP_SCALE !== "1") process.stdout.write(`${await benchScale(Math.min(runs, 5))}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exit(1);
});
