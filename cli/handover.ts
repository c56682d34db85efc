import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Command, Option } from "commander";
import { ConfigError } from "../lib/config/errors";
import { parseArgs } from "./command";
import { PROJECT } from "../lib/config/keys";
import { UsageError } from "../lib/config/stack-file";
import { buildHandover, readSuppressions, type VerifyReport } from "../lib/handover/model";
import { toHtml, toMarkdown } from "../lib/handover/render";
import { auditState, planStack } from "../lib/plan/plan";
import { BOOTSTRAP_STACKS, planBootstrap } from "../lib/plan/plan-bootstrap";
import { policies } from "../policies/policies";
import { zoneReader } from "../lib/zone/inputs";
import { CLOUDFLARE_API } from "../lib/zone/read-api";

interface Options {
  stack?: string;
  state?: string;
  out: string;
  verify?: string;
  stacksDir: string;
  project: "launch-baseline" | "bootstrap";
  existingZone: string[];
  cloudflareApi?: boolean;
  cloudflareApiUrl?: string;
  dnsServer?: string;
}

export async function main(argv: string[]): Promise<number> {
  const cmd = new Command("handover")
    .description("Write the handover document (Markdown and a self-contained HTML page) from the offline plan, or from a pulumi stack export.")
    .option("-s, --stack <name>", "the stack to describe")
    .option("--state <file>", "describe a `pulumi stack export` file instead of planning")
    .option("--verify <report.json>", "include the last verify report (npm run verify -- --json > report.json)")
    .option("--out <dir>", "where to write handover-<stack>.md and .html", "handover")
    .option("--stacks-dir <dir>", "where the stack files are", "stacks")
    .addOption(new Option("--project <project>", "launch-baseline: the main program; bootstrap: the day-zero project (its deploy roles fill \"Who can deploy\"), stacks in bootstrap/stacks").choices(["launch-baseline", "bootstrap"]).default("launch-baseline"))
    .option("--existing-zone <file>", "include the clean-up list of the existing zone (its JSON or BIND export; repeatable)", (v: string, p: string[]) => [...p, v], [])
    .option("--cloudflare-api", "read the existing zone live with CLOUDFLARE_API_TOKEN instead")
    .option("--cloudflare-api-url <url>", "the Cloudflare API's base URL", CLOUDFLARE_API)
    .option("--dns-server <host:port>", "ask this DNS server whether the zone's CNAME targets still exist");
  const parsed = parseArgs<Options>(cmd, argv);
  if ("exit" in parsed) return parsed.exit;
  const opts = parsed.opts;
  if (!opts.stack && !opts.state) {
    process.stderr.write("error: say which stack. Fix: npm run handover -- --stack prod (or --state <export.json>).\n");
    return 2;
  }
  try {
    const result = opts.state
      ? await auditState({ file: opts.state, stack: opts.stack, policies })
      : opts.project === "bootstrap"
        ? await planBootstrap({ stack: opts.stack!, stacksDir: opts.stacksDir === "stacks" ? BOOTSTRAP_STACKS : opts.stacksDir, policies })
        : await planStack({ project: PROJECT, stack: opts.stack!, stacksDir: opts.stacksDir, programPath: "index.ts", policies, existingZone: zoneReader(opts) });
    let verify: VerifyReport | undefined;
    if (opts.verify) {
      try {
        verify = JSON.parse(readFileSync(opts.verify, "utf8"));
      } catch (e) {
        throw new UsageError(`--verify ${opts.verify}: ${(e as Error).message}. Fix: pass the file npm run verify -- --json writes.`);
      }
      if (!Array.isArray(verify?.checks) || !Array.isArray(verify?.scorecard)) throw new UsageError(`--verify ${opts.verify} is not a verify report. Fix: pass the file npm run verify -- --json writes.`);
    }
    const doc = buildHandover(result, readSuppressions(result.policyConfigPath), verify);
    mkdirSync(opts.out, { recursive: true });
    const base = join(opts.out, `handover-${result.stack}`);
    // Runbook links are relative to where the pages are written, so they open from the checkout.
    const runbooks = relative(resolve(opts.out), resolve("runbooks")) || ".";
    writeFileSync(`${base}.md`, toMarkdown(doc, runbooks));
    writeFileSync(`${base}.html`, toHtml(doc, runbooks));
    process.stdout.write(`wrote ${base}.md and ${base}.html (${doc.sections.length} sections)\n`);
    return 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`error: the handover failed: ${(e as Error).message}\n`);
    return 3;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.stdout.write("", () => process.exit(code)));
}
