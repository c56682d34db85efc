import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { ConfigError } from "../lib/config/errors";
import { PROJECT } from "../lib/config/keys";
import { UsageError, listStacks } from "../lib/config/stack-file";
import { zoneFile } from "../lib/dns/zone-file";
import { auditState, planStack, type PlanResult } from "../lib/plan/plan";
import { BOOTSTRAP_STACKS, planBootstrap } from "../lib/plan/plan-bootstrap";
import { markdownReport } from "../lib/plan/report-markdown";
import { sarifReport } from "../lib/plan/report-sarif";
import { catalogue } from "../policies/catalogue";
import { planDocument, type PlanDocument } from "../lib/plan/report-json";
import { renderText } from "../lib/plan/report-text";
import { policies } from "../policies/policies";
import { hasZoneInput, zoneReader } from "../lib/zone/inputs";
import { writeAdopt } from "../lib/zone/write-adopt";
import { CLOUDFLARE_API } from "../lib/zone/read-api";

// Exit codes: 0 passed, 1 a mandatory violation, 2 bad usage or invalid configuration,
// 3 the program itself failed (a bug to report, not a config problem).
const EXIT = { passed: 0, blocked: 1, usage: 2, crashed: 3 } as const;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PACKAGE_VERSION: string = require("../package.json").version;

type Format = "text" | "json" | "sarif" | "markdown";

interface Options {
  stack?: string;
  json?: boolean;
  format?: Format;
  rules?: boolean;
  state?: string;
  program: string;
  stacksDir: string;
  policyConfig?: string;
  zoneFile?: string;
  existingZone: string[];
  cloudflareApi?: boolean;
  cloudflareApiUrl?: string;
  dnsServer?: string;
  writeAdopt?: boolean;
  engine: "mock" | "grpc";
  project: "launch-baseline" | "bootstrap";
}

const collect = (value: string, previous: string[]) => [...previous, value];

function command(): Command {
  return new Command("plan")
    .description("Run the Pulumi program offline on the mock engine, evaluate the policy pack and print a preview-like plan. No cloud, no credentials, no Pulumi CLI.")
    .addOption(new Option("-s, --stack <name>", "stack to plan (a stacks/Pulumi.<name>.yaml); default: every stack"))
    .option("--json", "print the plan as one JSON document (see DESIGN.md, Contracts); same as --format json")
    .addOption(new Option("--format <format>", "report format").choices(["text", "json", "sarif", "markdown"]))
    .option("--rules", "list the rule catalogue (with --json: as JSON) and exit")
    .option("--state <file>", "audit a `pulumi stack export` file instead of running the program")
    .option("--program <file>", "the Pulumi program to run", "index.ts")
    .option("--stacks-dir <dir>", "where the stack files are", "stacks")
    .addOption(new Option("--project <project>", "launch-baseline: the main program; bootstrap: the day-zero project in bootstrap/ (deploy roles, state backend, Cloudflare tokens), its stacks in bootstrap/stacks").choices(["launch-baseline", "bootstrap"]).default("launch-baseline"))
    .option("--policy-config <file>", "policy pack config; default: policies/config/<stack>.json")
    .option("--zone-file <file>", "also write every DNS record the stack manages in its zone as a standard zone file (needs --stack)")
    .option("--existing-zone <file>", "the zone as it exists: Cloudflare's JSON (GET dns_records, GET rulesets) or the dashboard's BIND export; conflicts become findings, identical records are adopted (repeatable; needs --stack)", collect, [])
    .option("--cloudflare-api", "read the existing zone live with a read-only token from CLOUDFLARE_API_TOKEN (needs --stack)")
    .option("--cloudflare-api-url <url>", "the Cloudflare API's base URL", CLOUDFLARE_API)
    .option("--dns-server <host:port>", "with an existing zone: ask this DNS server whether CNAME targets still exist (dangling records)")
    .option("--write-adopt", "with an existing zone: write the imports into the stack file as launch-baseline:adopt")
    .addOption(new Option("--engine <engine>", "mock: the SDK's in-process mock engine (fast); grpc: the SDK's own runner (cmd/run, ts-node, type-checked) against a loopback engine on 127.0.0.1, as `pulumi up` starts the program").choices(["mock", "grpc"]).default("mock"))
    .allowExcessArguments()
    .showHelpAfterError("(npm run plan -- --help lists the options)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(`error: ${s.replace(/^error: /, "")}`) });
}

function render(result: PlanResult, format: Format): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(planDocument(result), null, 2)}\n`;
    case "sarif": {
      const artifact = result.source.kind === "state" ? result.source.file : `${result.project === PROJECT ? "stacks" : BOOTSTRAP_STACKS}/Pulumi.${result.stack}.yaml`;
      return `${JSON.stringify(sarifReport({ project: result.project, stack: result.stack, version: PACKAGE_VERSION, violations: result.violations, artifact }), null, 2)}\n`;
    }
    case "markdown":
      return markdownReport(result);
    default:
      return `${renderText(result)}\n`;
  }
}

async function planOne(opts: Options, format: Format): Promise<number> {
  const result = opts.state
    ? await auditState({ file: opts.state, stack: opts.stack, policyConfigPath: opts.policyConfig, policies })
    : opts.project === "bootstrap"
      ? await planBootstrap({ stack: opts.stack!, stacksDir: opts.stacksDir === "stacks" ? BOOTSTRAP_STACKS : opts.stacksDir, policies, policyConfigPath: opts.policyConfig, engine: opts.engine })
      : await planStack({ project: PROJECT, stack: opts.stack!, stacksDir: opts.stacksDir, programPath: opts.program, policyConfigPath: opts.policyConfig, policies, existingZone: zoneReader(opts), engine: opts.engine });
  process.stdout.write(render(result, format));
  if (opts.writeAdopt && result.zone) {
    const path = writeAdopt(opts.stacksDir, result.stack, result.zone.imports);
    process.stderr.write(`wrote ${result.zone.imports.length} import${result.zone.imports.length === 1 ? "" : "s"} to ${path} (launch-baseline:adopt): run pulumi up once with them, then remove the key\n`);
  }
  if (opts.zoneFile && result.config) {
    const header = `; ${result.config.domain}: DNS records managed by ${PROJECT} stack ${result.stack} (offline plan). Cloudflare serves the SOA and NS records.`;
    const zone = zoneFile(result.resources, result.config.cloudflareZoneId, result.config.domain, header);
    writeFileSync(opts.zoneFile, zone.text);
    process.stderr.write(`wrote ${zone.records} records to ${opts.zoneFile}\n`);
  }
  return result.passed ? EXIT.passed : EXIT.blocked;
}

function listRules(json: boolean): number {
  const entries = catalogue();
  if (json) {
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return EXIT.passed;
  }
  const w = Math.max(...entries.map((e) => e.id.length));
  process.stdout.write(`${"rule".padEnd(w)}  kind      severity  prod       staging    dev        runbook\n`);
  for (const e of entries) process.stdout.write(`${e.id.padEnd(w)}  ${e.kind.padEnd(8)}  ${e.severity.padEnd(8)}  ${e.levels.prod.padEnd(9)}  ${e.levels.staging.padEnd(9)}  ${e.levels.dev.padEnd(9)}  runbooks/${e.runbook}.md\n`);
  process.stdout.write(`\n${entries.length} rules. Descriptions, remediation and references: npm run plan -- --rules --json\n`);
  return EXIT.passed;
}

/** Every stack, each in its own process (the SDK's state is global), two at a time. */
async function planAll(opts: Options, format: Format): Promise<number> {
  if (format === "sarif" || format === "markdown") throw new UsageError(`--format ${format} reports one stack. Fix: add --stack <name> (run it once per stack).`);
  const stacksDir = opts.project === "bootstrap" && opts.stacksDir === "stacks" ? BOOTSTRAP_STACKS : opts.stacksDir;
  const stacks = listStacks(stacksDir);
  if (stacks.length === 0) throw new UsageError(`No stacks in ${stacksDir}/. Fix: add a Pulumi.<stack>.yaml there, or pass --stacks-dir.`);
  const forward = ["--program", opts.program, "--stacks-dir", opts.stacksDir, "--engine", opts.engine, "--project", opts.project];
  const results: Array<{ stack: string; code: number; doc?: PlanDocument; stderr: string }> = [];
  const queue = [...stacks];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const stack = s;
      if (format !== "json") process.stderr.write(`planning ${stack}...\n`);
      results.push(await runChild(stack, [...process.execArgv, __filename, "--stack", stack, "--json", ...forward]));
    }
  };
  await Promise.all([worker(), worker()]);
  results.sort((a, b) => stacks.indexOf(a.stack) - stacks.indexOf(b.stack));
  const code = Math.max(...results.map((r) => r.code));
  if (format === "json") {
    process.stdout.write(`${JSON.stringify({ stacks: results.map((r) => r.doc ?? { stack: r.stack, error: r.stderr.trim() }), passed: code === 0 }, null, 2)}\n`);
  } else {
    const w = Math.max(...stacks.map((s) => s.length));
    process.stdout.write(`Offline plan of every stack in ${stacksDir}/:\n`);
    for (const r of results) {
      if (!r.doc) {
        process.stdout.write(`  ${r.stack.padEnd(w)}  error\n${r.stderr.trim().replace(/^/gm, "      ")}\n`);
        continue;
      }
      const v = r.doc.policy.violations;
      const mandatory = v.filter((x) => x.enforcementLevel === "mandatory").length;
      const undecided = v.filter((x) => x.undecided).length;
      process.stdout.write(`  ${r.stack.padEnd(w)}  ${String(r.doc.resources.length).padStart(3)} resources  ${mandatory} mandatory, ${v.length - mandatory - undecided} advisory, ${undecided} undecided  ${r.doc.passed ? "passed" : "BLOCKED"}\n`);
    }
    process.stdout.write(code === 0 ? "All stacks passed.\n" : `Not all stacks passed: run plan --stack <name> for details.\n`);
  }
  return code;
}

function runChild(stack: string, args: string[]): Promise<{ stack: string; code: number; doc?: PlanDocument; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      let doc: PlanDocument | undefined;
      try {
        doc = code === EXIT.passed || code === EXIT.blocked ? JSON.parse(stdout) : undefined;
      } catch {
        doc = undefined;
      }
      resolve({ stack, code: code ?? EXIT.crashed, doc, stderr });
    });
  });
}

export async function main(argv: string[]): Promise<number> {
  const cmd = command();
  try {
    cmd.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.passed : EXIT.usage;
    throw e;
  }
  const opts = cmd.opts<Options>();
  if (cmd.args.length > 0) {
    process.stderr.write(`error: unexpected argument ${JSON.stringify(cmd.args[0])}. Fix: name the stack with --stack ${cmd.args[0]}.\n`);
    return EXIT.usage;
  }
  const format: Format = opts.format ?? (opts.json ? "json" : "text");
  if (opts.rules) return listRules(format === "json");
  if (opts.project === "bootstrap" && (opts.program !== "index.ts" || hasZoneInput(opts) || opts.zoneFile || opts.writeAdopt)) {
    process.stderr.write("error: --project bootstrap plans bootstrap/index.ts (stacks in bootstrap/stacks unless --stacks-dir says otherwise) and manages no zone. Fix: drop --program and the zone options.\n");
    return EXIT.usage;
  }
  if (opts.state && opts.program !== "index.ts") {
    process.stderr.write("error: --state audits exported state, so there is no program to run. Fix: drop --program.\n");
    return EXIT.usage;
  }
  if ((hasZoneInput(opts) || opts.writeAdopt || opts.dnsServer) && (!opts.stack || opts.state)) {
    process.stderr.write("error: --existing-zone, --cloudflare-api, --dns-server and --write-adopt plan one stack's program against its zone. Fix: add --stack <name> (and drop --state).\n");
    return EXIT.usage;
  }
  if (opts.writeAdopt && !hasZoneInput(opts)) {
    process.stderr.write("error: --write-adopt writes the imports an existing zone calls for. Fix: add --existing-zone <export> or --cloudflare-api.\n");
    return EXIT.usage;
  }
  if (opts.zoneFile && (!opts.stack || opts.state)) {
    process.stderr.write("error: --zone-file needs --stack: a zone file holds one stack's zone. Fix: add --stack <name>.\n");
    return EXIT.usage;
  }
  try {
    return opts.stack || opts.state ? await planOne(opts, format) : await planAll(opts, format);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`error: the program failed while planning: ${(e as Error).message}\n`);
    return EXIT.crashed;
  }
}

if (require.main === module) {
  // A reader that stops early (| head) is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" ? process.exit(0) : undefined));
  // Exit only once stdout and stderr have drained: a piped JSON plan is larger than a pipe buffer.
  main(process.argv.slice(2)).then((code) => process.stdout.write("", () => process.stderr.write("", () => process.exit(code))));
}
