import { existsSync, readFileSync } from "node:fs";
import { UsageError } from "../config/stack-file";
import { isHostname } from "../dns/names";
import { resolverFor } from "../dns/resolver";
import { readDmarcReports } from "../dmarc/read";
import { readProbeRecord, type ProbeRecord } from "../logs/probe-record";
import { logFiles } from "../logs/reader";
import { loadProbeFile, type ProbePlan } from "../probes/probe-file";
import { readZoneFiles } from "../zone/load";
import { parseResolve } from "./http";
import { targetsFromStack } from "./stack-targets";
import type { VerifyContext } from "./types";

// verify's inputs, read and checked before anything is sent: every flag that is wrong stops the
// run with one UsageError naming the flag and the fix.

/** The flags of `npm run verify`, as commander hands them over. */
export interface VerifyOptions {
  stack?: string;
  domain?: string;
  url: string[];
  httpPort: string;
  resolve: string[];
  caFile?: string;
  checks?: string;
  repo?: string;
  bundle?: string;
  eml?: string;
  dkimSelector: string[];
  dnsServer?: string;
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

/** Everything one verify run needs, checked. */
export interface VerifyInputs {
  readonly ctx: VerifyContext;
  /** Every public URL, the first being ctx.url: web checks run on each, the others once. */
  readonly urls: readonly string[];
  readonly timeoutMs: number;
  readonly budgetMs: number;
  readonly probePlan?: ProbePlan;
  /** A record read with --probe-record and no --probes, for the log checks. */
  readonly record?: ProbeRecord;
  /** Where to write the record of this run's probes (--probe-record with --probes). */
  readonly writeRecord?: string;
  readonly logs?: string;
  readonly browser: boolean;
  /** --timeout and --budget, when given, bound the probes too: the tighter limit wins. */
  readonly explicitLimits: { readonly timeout: boolean; readonly budget: boolean };
  /** What the report is about: the zone, else the first host, file or folder given. */
  readonly target: string;
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

function parseOrigins(given: readonly string[]): Array<{ host: string; origin: string }> {
  return given.map((o) => {
    const m = /^([a-z0-9.-]+)=(\S+)$/i.exec(o);
    if (!m || !isHostname(m[1].toLowerCase())) throw new UsageError(`--origin ${o} is not host=address. Fix: pass the public host and its origin, such as --origin app.example.com=203.0.113.10 (or =origin.internal:8443).`);
    return { host: m[1].toLowerCase(), origin: m[2] };
  });
}

/**
 * Reads and checks verify's flags. `given` says whether a flag was on the command line (the
 * probes' own limits yield only to an explicit --timeout or --budget); `progress` hears about
 * long reads.
 */
export function verifyInputs(opts: VerifyOptions, given: (flag: string) => boolean, progress?: (line: string) => void): VerifyInputs {
  const fromStack = opts.stack ? targetsFromStack(opts.stack, opts.stacksDir) : undefined;
  const domain = opts.domain ?? fromStack?.domain ?? "";
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
  const origins = opts.origin.length ? parseOrigins(opts.origin) : fromStack?.origins;
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
  const record = opts.probeRecord && !probePlan ? readProbeRecord(opts.probeRecord) : undefined;
  const repo = opts.repo ?? (opts.stack ? "." : undefined);
  const ctx: VerifyContext = {
    domain,
    url,
    urls,
    canonical,
    cnameNames,
    dmarcReports: opts.dmarcReports ? readDmarcReports(opts.dmarcReports, (done, total) => progress?.(`dmarc reports: ${done} of ${total} files read`)) : undefined,
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
    repo,
    bundle: opts.bundle,
    eml: opts.eml,
    only: opts.checks ? opts.checks.split(",").map((c) => c.trim()).filter(Boolean) : undefined,
  };
  const target = domain || (url ? new URL(url).hostname : probePlan ? new URL(probePlan.baseUrl).hostname : (opts.repo ?? opts.bundle ?? opts.eml ?? opts.logs ?? origins?.[0]?.host ?? canonical?.to ?? opts.dmarcReports)!);
  return { ctx, urls, timeoutMs, budgetMs, probePlan, record, writeRecord: probePlan ? opts.probeRecord : undefined, logs: opts.logs, browser: Boolean(opts.browser), explicitLimits: { timeout: given("--timeout"), budget: given("--budget") }, target };
}
