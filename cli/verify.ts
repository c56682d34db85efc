import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Command } from "commander";
import { ConfigError } from "../lib/config/errors";
import { parseArgs } from "./command";
import { parseLaunchConfig } from "../lib/config/parse";
import { UsageError, readSiblings, readStackConfig, withSecretPlaceholders } from "../lib/config/stack-file";
import { isHostname, isWithinZone } from "../lib/dns/names";
import { analyzeLogs, type LogAnalysis } from "../lib/logs/analyze";
import { probeRecord, readProbeRecord, type ProbeRecord } from "../lib/logs/probe-record";
import { LogInputError, logFiles } from "../lib/logs/reader";
import { CHECKS } from "../lib/verify/checks";
import { browserChecks } from "../lib/verify/checks/browser";
import { lookupHost, parseResolve } from "../lib/verify/http";
import { probeChecks } from "../lib/probes";
import { loadProbeFile } from "../lib/probes/probe-file";
import { verifyDocument, verifyMarkdown, verifyText } from "../lib/verify/report";
import { runChecks } from "../lib/verify/runner";
import { mergeHosts, PER_HOST } from "../lib/verify/hosts";
import { resolverFor } from "../lib/dns/resolver";
import { readZoneFiles } from "../lib/zone/load";
import { readDmarcReports } from "../lib/dmarc/read";

// `npm run verify`: live checks of a deployment against the launch checklist. Exit 0 when no
// check fails, 1 when one does, 2 on bad usage.

interface Options {
  stack?: string;
  domain?: string;
  url: string[];
  httpPort: string;
  resolve: string[];
  caFile?: string;
  checks?: string;
  repo?: string;
  bundle?: string;
  markdown?: boolean;
  eml?: string;
  dkimSelector: string[];
  dnsServer?: string;
  json?: boolean;
  timeout: string;
  budget: string;
  stacksDir: string;
  probes?: string;
  logs?: string;
  probeRecord?: string;
  origin: string[];
  canonical: string[];
  existingZone: string[];
  dmarcReports?: string;
  trustedOrigin: string[];
  browser?: boolean;
}

const collect = (v: string, all: string[]) => [...all, v];

function targetsFromStack(stack: string, stacksDir: string): { domain: string; selectors: string[]; url: string; hosts: string[]; uptime: Array<{ name: string; url: string; match: string }>; origins: Array<{ host: string; origin: string }>; corsOrigins: string[]; canonical?: { from: string[]; to: string } } {
  const file = readStackConfig(stacksDir, stack);
  const config = parseLaunchConfig(withSecretPlaceholders(file.raw).raw, { stack, source: file.source, siblings: readSiblings(stacksDir, stack) });
  const plan = config.emailPlan;
  const selectors = [
    ...plan.senders.flatMap((s) => (!s.dkim ? [] : "publicKey" in s.dkim ? [s.dkim.selector] : Object.keys(s.dkim.cnames))),
    ...(plan.selfManagedDkim ? [plan.selfManagedDkim.selector] : []),
  ];
  const app = config.hosts.find((h) => h.hostname.startsWith("app.")) ?? config.hosts[0];
  return { domain: config.domain, selectors, url: `https://${app.hostname}/`, hosts: config.hosts.map((h) => h.hostname), uptime: config.uptime.checks, origins: config.hosts.filter((h) => !isWithinZone(h.origin, config.domain)).map((h) => ({ host: h.hostname, origin: h.origin })), corsOrigins: config.corsOrigins, canonical: config.canonicalRedirect };
}

/** --canonical www.example.com=example.com, repeatable; every alias names the same canonical host. */
function parseCanonical(given: readonly string[]): { from: string[]; to: string } {
  const pairs = given.map((g) => {
    const m = /^([a-z0-9.-]+)=([a-z0-9.-]+)$/i.exec(g);
    if (!m || !isHostname(m[1].toLowerCase()) || !isHostname(m[2].toLowerCase()) || m[1].toLowerCase() === m[2].toLowerCase()) throw new UsageError(`--canonical ${g} is not alias=canonical. Fix: pass the alias host and the host it redirects to, such as --canonical www.example.com=example.com.`);
    return { from: m[1].toLowerCase(), to: m[2].toLowerCase() };
  });
  const tos = [...new Set(pairs.map((p) => p.to))];
  if (tos.length > 1) throw new UsageError(`--canonical names ${tos.length} canonical hosts (${tos.join(", ")}). Fix: one site has one canonical host; give every alias the same one.`);
  return { from: pairs.map((p) => p.from), to: tos[0] };
}

async function readExport(path: string, record: ProbeRecord | undefined, progress: boolean): Promise<LogAnalysis> {
  const mb = (b: number) => (b / 1e6).toFixed(0);
  let shown = 0;
  const show = (events: number, bytes: number) => {
    if (bytes - shown < 64e6) return;
    shown = bytes;
    process.stderr.write(`reading ${path}: ${events} events, ${mb(bytes)} MB\n`);
  };
  const a = await analyzeLogs(path, { record, onProgress: progress ? show : undefined });
  if (progress) process.stderr.write(`read ${path}: ${a.events} events, ${mb(a.bytes)} MB\n`);
  return a;
}

export async function main(argv: string[]): Promise<number> {
  const cmd = new Command("verify")
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
    .option("--probes <file>", "also probe the running app as a reviewer would (authn, authz, csrf, ratelimit, input, latency); see README, Probes")
    .option("--logs <file|dir>", "read an export of the app's security log (JSON lines or aws logs filter-log-events output, .gz allowed): logs.sensitive-data, logs.security-events")
    .option("--probe-record <file>", "with --probes: write what the run sent and expects in the log (hashes, never values); with --logs: check the export against it (logs.canaries, logs.probe-events)")
    .option("--browser", "also load the public pages in headless Chromium: mixed content, CSP violations, scripts without SRI, and (with --probes' browserLogin) tokens page scripts can read")
    .option("--checks <list>", "run only these checks: ids or prefixes, comma-separated (dns,email.spf)")
    .option("--dns-server <host:port>", "ask this DNS server instead of the system's (private staging DNS, tests)")
    .option("--json", "print { target, checks, scorecard } (DESIGN.md, Contracts)")
    .option("--timeout <ms>", "time limit of each check", "5000")
    .option("--budget <ms>", "time limit of the whole run", "30000")
    .option("--stacks-dir <dir>", "where the stack files are", "stacks");
  const parsed = parseArgs<Options>(cmd, argv);
  if ("exit" in parsed) return parsed.exit;
  const opts = parsed.opts;
  try {
    const fromStack = opts.stack ? targetsFromStack(opts.stack, opts.stacksDir) : undefined;
    const domain = opts.domain ?? fromStack?.domain ?? "";
    // Every public host: the web checks run on each, the others once on the first.
    const urls = opts.url.length ? opts.url : fromStack ? [fromStack.url, ...fromStack.hosts.map((h) => `https://${h}/`).filter((u) => u !== fromStack.url)] : [];
    const url = urls[0];
    // The probe file is checked first: nothing is sent while any input is wrong.
    const probePlan = opts.probes ? loadProbeFile(opts.probes) : undefined;
    if (!domain && !url && !opts.repo && !opts.bundle && !opts.eml && !probePlan && !opts.logs && !opts.origin.length && !opts.canonical.length && !opts.dmarcReports) throw new UsageError("say what to verify. Fix: npm run verify -- --stack prod, or --domain example.com, or --probes probes.yaml, or --logs export.json.");
    if (domain && !isHostname(domain)) throw new UsageError(`--domain ${domain} is not a DNS name. Fix: pass the zone apex, such as example.com.`);
    for (const u of urls) if (!/^https:\/\/[^/\s]+/.test(u)) throw new UsageError(`--url ${u} is not an https:// URL. Fix: pass the app's address, such as https://app.example.com/.`);
    let resolve: Map<string, string>;
    try {
      resolve = parseResolve(opts.resolve);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    for (const [flag, dir] of [["--repo", opts.repo], ["--bundle", opts.bundle], ["--eml", opts.eml], ["--dmarc-reports", opts.dmarcReports]] as const) if (dir && !existsSync(dir)) throw new UsageError(`${flag} ${dir} does not exist.`);
    // An origin inside the zone is another proxied host (www -> apex): asking it reaches the edge.
    const origins = opts.origin.length
      ? opts.origin.map((o) => {
          const m = /^([a-z0-9.-]+)=(\S+)$/i.exec(o);
          if (!m || !isHostname(m[1].toLowerCase())) throw new UsageError(`--origin ${o} is not host=address. Fix: pass the public host and its origin, such as --origin app.example.com=203.0.113.10 (or =origin.internal:8443).`);
          return { host: m[1].toLowerCase(), origin: m[2] };
        })
      : fromStack?.origins;
    if (opts.existingZone.length && !domain) throw new UsageError("--existing-zone is read for one zone. Fix: add --domain <zone> or --stack <name>.");
    // dns.dangling asks the export's CNAMEs, and the stack's hosts, live.
    const exported = opts.existingZone.length ? readZoneFiles(opts.existingZone, domain).records.filter((r) => r.type === "CNAME").map((r) => r.name) : [];
    const cnameNames = [...new Set([...exported, ...(fromStack?.hosts ?? [])])];
    const canonical = opts.canonical.length ? parseCanonical(opts.canonical) : fromStack?.canonical;
    for (const t of opts.trustedOrigin) if (!/^https?:\/\/[^/\s]+$/.test(t)) throw new UsageError(`--trusted-origin ${t} is not an origin. Fix: pass scheme and host only, such as https://app.example.com.`);
    if (opts.caFile && !existsSync(opts.caFile)) throw new UsageError(`--ca-file ${opts.caFile} does not exist.`);
    const timeoutMs = Number(opts.timeout);
    const budgetMs = Number(opts.budget);
    if (!(timeoutMs > 0) || !(budgetMs > 0)) throw new UsageError("--timeout and --budget take milliseconds greater than 0.");
    // A missing export or a bad record stops the run before anything is sent.
    if (opts.logs) logFiles(opts.logs);
    let record: ProbeRecord | undefined = opts.probeRecord && !probePlan ? readProbeRecord(opts.probeRecord) : undefined;
    const ctx = {
      domain,
      url,
      urls,
      canonical,
      cnameNames,
      dmarcReports: opts.dmarcReports ? readDmarcReports(opts.dmarcReports, (done, total) => !opts.json && process.stderr.write(`dmarc reports: ${done} of ${total} files read\n`)) : undefined,
      hosts: fromStack?.hosts,
      uptimeChecks: fromStack?.uptime,
      origins,
      trustedOrigins: opts.trustedOrigin.length ? opts.trustedOrigin : fromStack?.corsOrigins,
      httpPort: Number(opts.httpPort),
      resolve,
      ca: opts.caFile ? readFileSync(opts.caFile) : undefined,
      dkimSelectors: opts.dkimSelector.length ? opts.dkimSelector : (fromStack?.selectors ?? []),
      resolver: resolverFor(opts.dnsServer, timeoutMs),
      timeoutMs,
      repo: opts.repo ?? (opts.stack ? "." : undefined),
      bundle: opts.bundle,
      eml: opts.eml,
      only: opts.checks ? opts.checks.split(",").map((c) => c.trim()).filter(Boolean) : undefined,
    };
    let done = 0;
    const onDone = (o: { id: string; status: string }) => !opts.json && process.stderr.write(`[${++done}] ${o.id} ${o.status}\n`);
    const infraChecks = CHECKS.filter((c) => c.needs !== "logs");
    const first = domain || url || ctx.repo || opts.bundle || opts.eml || origins?.length || canonical || opts.dmarcReports ? await runChecks(infraChecks, ctx, { concurrency: 4, checkTimeoutMs: timeoutMs, budgetMs, onDone }) : [];
    const runs = [{ host: url ? new URL(url).host : "", outcomes: first }];
    for (const u of urls.slice(1)) runs.push({ host: new URL(u).host, outcomes: await runChecks(infraChecks.filter((c) => PER_HOST.has(c.id)), { ...ctx, url: u }, { concurrency: 4, checkTimeoutMs: timeoutMs, budgetMs, onDone }) });
    const infra = mergeHosts(runs);
    let probes: typeof infra = [];
    if (probePlan) {
      // --timeout and --budget, when given, bound the probes too: the tighter limit wins.
      const given = (flag: string) => argv.some((a) => a === flag || a.startsWith(`${flag}=`));
      const limits = { ...probePlan.limits, timeoutMs: given("--timeout") ? Math.min(timeoutMs, probePlan.limits.timeoutMs) : probePlan.limits.timeoutMs, seconds: given("--budget") ? Math.min(budgetMs / 1000, probePlan.limits.seconds) : probePlan.limits.seconds };
      const { checks, client } = probeChecks({ ...probePlan, limits }, { resolve, ca: ctx.ca, lookupHost: (h) => lookupHost(ctx, h) });
      const seconds = limits.seconds * 1000;
      const startedAt = new Date();
      probes = await runChecks(checks, ctx, { concurrency: 1, checkTimeoutMs: seconds, budgetMs: seconds, onDone });
      record = probeRecord({ marker: client.marker, canaries: client.canaries, startedAt, endedAt: new Date(), outcomes: probes });
      if (opts.probeRecord) writeFileSync(opts.probeRecord, `${JSON.stringify(record, null, 2)}\n`);
      if (!opts.json) process.stderr.write(`probes sent ${client.requestsSent} of ${probePlan.limits.requests} requests allowed${opts.probeRecord ? `; record written to ${opts.probeRecord}` : ""}\n`);
      // Not one probe could judge the app: that is a setup problem, not a finding.
      const ran = probes.filter((o) => o.status !== "skip");
      if (ran.length && ran.every((o) => o.status === "error")) throw new UsageError(`no probe could run: ${ran[0].summary}`);
    }
    let browsed: typeof infra = [];
    if (opts.browser && url) {
      // Every public host's page: each --url, or with --stack each host (the app host first).
      const pages = [...new Set(urls)];
      const b = browserChecks({ pages, resolve, ignoreCertificateErrors: Boolean(ctx.ca), timeoutMs }, probePlan);
      try {
        browsed = await runChecks(b.checks, ctx, { concurrency: 1, checkTimeoutMs: timeoutMs * 4, budgetMs, onDone });
      } finally {
        await b.close();
      }
    }
    // The export is read after the probes, so it can hold what they caused.
    const logs = opts.logs ? await readExport(opts.logs, record, !opts.json) : undefined;
    const logged = logs ? await runChecks(CHECKS.filter((c) => c.needs === "logs"), { ...ctx, logs, probeRecord: record }, { concurrency: 1, checkTimeoutMs: timeoutMs, budgetMs, onDone }) : [];
    const outcomes = [...infra, ...probes, ...browsed, ...logged];
    const target = domain || (url ? new URL(url).hostname : probePlan ? new URL(probePlan.baseUrl).hostname : (opts.repo ?? opts.bundle ?? opts.eml ?? opts.logs ?? origins?.[0]?.host ?? canonical?.to ?? opts.dmarcReports)!);
    process.stdout.write(opts.json ? `${JSON.stringify(verifyDocument(target, outcomes), null, 2)}\n` : opts.markdown ? verifyMarkdown(target, outcomes) : verifyText(target, outcomes));
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
