import { Command } from "commander";
import { ConfigError } from "../lib/config/errors";
import { UsageError } from "../lib/config/stack-file";
import { LogInputError } from "../lib/logs/reader";
import { verifyInputs, type VerifyOptions } from "../lib/verify/inputs";
import { verifyDocument, verifyMarkdown, verifyText } from "../lib/verify/report";
import { runVerify } from "../lib/verify/run";
import { parseArgs } from "./command";

// `npm run verify`: live checks of a deployment against the launch checklist. Exit 0 when no
// check fails, 1 when one does, 2 on bad usage. This file parses the flags and prints; the run
// itself is lib/verify/run.ts.

interface Options extends VerifyOptions {
  markdown?: boolean;
  json?: boolean;
}

const collect = (v: string, all: string[]) => [...all, v];

function command(): Command {
  return new Command("verify")
    .description("Check the live deployment against the launch checklist and print its scorecard.")
    .option("-s, --stack <name>", "take the targets from this stack's configuration")
    .option("--domain <zone>", "the zone to check (instead of --stack)")
    .option("--dkim-selector <selector>", "a DKIM selector to check (repeatable)", collect, [])
    .option("--url <https-url>", "a public HTTPS URL for the transport and header checks (repeatable; default with --stack: every host, the app host first)", collect, [])
    .option("--http-port <port>", "where plain HTTP is served, for the redirect check", "80")
    .option("--resolve <host:port:addr>", "connect to addr for host:port, as curl does (repeatable); no other host is contacted", collect, [])
    .option("--origin <host=address>", "ask this proxied host's origin directly at address[:port] (repeatable; default with --stack: the hosts' origins)", collect, [])
    .option("--canonical <alias=canonical>", "an alias host that must redirect permanently to the canonical host, such as www.example.com=example.com (repeatable; default with --stack: launch-baseline:canonicalRedirect)", collect, [])
    .option("--existing-zone <file>", "the zone's JSON or BIND export: dns.dangling asks each of its CNAMEs live (repeatable)", collect, [])
    .option("--dmarc-reports <dir>", "read the DMARC aggregate reports saved there (XML, .gz, .zip): email.dmarc-reports groups them by source and says whether the next DMARC step is safe")
    .option("--trusted-origin <origin>", "an origin the app allows for CORS (repeatable; default with --stack: launch-baseline:corsOrigins, else the --url's own)", collect, [])
    .option("--ca-file <pem>", "also trust this CA (a private staging CA)")
    .option("--repo <dir>", "a git working tree to scan for secrets, history included (default with --stack: this one)")
    .option("--bundle <dir>", "built frontend assets to scan for secrets (default: the scripts the site serves)")
    .option("--markdown", "print the report as Markdown")
    .option("--eml <file>", "authenticate a message a test inbox received (SPF, DKIM, DMARC from its Received headers)")
    .option("--probes <file>", "also probe the running app as a reviewer would (authn, authz, csrf, ratelimit, input, latency); see docs/probes.md")
    .option("--logs <file|dir>", "read an export of the app's security log (JSON lines or aws logs filter-log-events output, .gz allowed): logs.sensitive-data, logs.security-events")
    .option("--probe-record <file>", "with --probes: write what the run sent and expects in the log (hashes, never values); with --logs: check the export against it (logs.canaries, logs.probe-events)")
    .option("--browser", "also load the public pages in headless Chromium: mixed content, CSP violations, scripts without SRI, and (with --probes' browserLogin) tokens page scripts can read")
    .option("--checks <list>", "run only these checks: ids or prefixes, comma-separated (dns,email.spf)")
    .option("--dns-server <host:port>", "ask this DNS server instead of the system's (private staging DNS, tests)")
    .option("--json", "print { target, checks, scorecard } (DESIGN.md, Contracts)")
    .option("--timeout <ms>", "time limit of each check", "5000")
    .option("--budget <ms>", "time limit of the whole run", "30000")
    .option("--stacks-dir <dir>", "where the stack files are", "stacks");
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs<Options>(command(), argv);
  if ("exit" in parsed) return parsed.exit;
  const opts = parsed.opts;
  const progress = opts.json ? undefined : (line: string) => void process.stderr.write(`${line}\n`);
  const given = (flag: string) => argv.some((a) => a === flag || a.startsWith(`${flag}=`));
  try {
    const inputs = verifyInputs(opts, given, progress);
    const outcomes = await runVerify(inputs, progress);
    process.stdout.write(opts.json ? `${JSON.stringify(verifyDocument(inputs.target, outcomes), null, 2)}\n` : opts.markdown ? verifyMarkdown(inputs.target, outcomes) : verifyText(inputs.target, outcomes));
    return outcomes.some((o) => o.status === "fail") ? 1 : 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof LogInputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.stdout.write("", () => process.exit(code)),
    (e) => {
      process.stderr.write(`error: verify failed: ${(e as Error).message}\n`);
      process.exit(3);
    },
  );
}
