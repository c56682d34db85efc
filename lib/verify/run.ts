import { writeFileSync } from "node:fs";
import { UsageError } from "../config/stack-file";
import type { LogAnalysis } from "../logs/analyze";
import { analyzeLogs } from "../logs/scan";
import { probeRecord, type ProbeRecord } from "../logs/probe-record";
import { probeChecks } from "../probes";
import { CHECKS } from "./checks";
import { browserChecks } from "./checks/browser";
import { mergeHosts, PER_HOST } from "./hosts";
import { lookupHost } from "./http";
import type { VerifyInputs } from "./inputs";
import { runChecks } from "./runner";
import type { CheckOutcome } from "./types";

// One verify run, in the order that keeps evidence honest: the infrastructure checks on every
// host, then the probes (which make a record of what they sent), then the browser, and last the
// log export, read after the probes so it can hold what they caused.

/** Where a run reports its progress: each check as it ends, and long reads. Absent for --json. */
export type Progress = ((line: string) => void) | undefined;

async function readExport(path: string, record: ProbeRecord | undefined, progress: Progress): Promise<LogAnalysis> {
  const mb = (b: number) => (b / 1e6).toFixed(0);
  let shown = 0;
  const show = (events: number, bytes: number) => {
    if (bytes - shown < 64e6) return;
    shown = bytes;
    progress?.(`reading ${path}: ${events} events, ${mb(bytes)} MB`);
  };
  const a = await analyzeLogs(path, { record, onProgress: progress ? show : undefined });
  progress?.(`read ${path}: ${a.events} events, ${mb(a.bytes)} MB`);
  return a;
}

async function runProbes(run: VerifyInputs, onDone: (o: CheckOutcome) => void, progress: Progress): Promise<{ outcomes: CheckOutcome[]; record: ProbeRecord }> {
  const plan = run.probePlan!;
  const { ctx } = run;
  const limits = {
    ...plan.limits,
    timeoutMs: run.explicitLimits.timeout ? Math.min(run.timeoutMs, plan.limits.timeoutMs) : plan.limits.timeoutMs,
    seconds: run.explicitLimits.budget ? Math.min(run.budgetMs / 1000, plan.limits.seconds) : plan.limits.seconds,
  };
  const { checks, client } = probeChecks({ ...plan, limits }, { resolve: ctx.resolve, ca: ctx.ca, lookupHost: (h) => lookupHost(ctx, h) });
  const ms = limits.seconds * 1000;
  const startedAt = new Date();
  const outcomes = await runChecks(checks, ctx, { concurrency: 1, checkTimeoutMs: ms, budgetMs: ms, onDone });
  const record = probeRecord({ marker: client.marker, canaries: client.canaries, startedAt, endedAt: new Date(), outcomes });
  if (run.writeRecord) writeFileSync(run.writeRecord, `${JSON.stringify(record, null, 2)}\n`);
  progress?.(`probes sent ${client.requestsSent} of ${plan.limits.requests} requests allowed${run.writeRecord ? `; record written to ${run.writeRecord}` : ""}`);
  // Not one probe could judge the app: that is a setup problem, not a finding.
  const ran = outcomes.filter((o) => o.status !== "skip");
  if (ran.length && ran.every((o) => o.status === "error")) throw new UsageError(`no probe could run: ${ran[0].summary}`);
  return { outcomes, record };
}

async function runBrowser(run: VerifyInputs, onDone: (o: CheckOutcome) => void): Promise<CheckOutcome[]> {
  // Every public host's page: each --url, or with --stack each host (the app host first).
  const b = browserChecks({ pages: [...new Set(run.urls)], resolve: run.ctx.resolve, ignoreCertificateErrors: Boolean(run.ctx.ca), timeoutMs: run.timeoutMs }, run.probePlan);
  try {
    return await runChecks(b.checks, run.ctx, { concurrency: 1, checkTimeoutMs: run.timeoutMs * 4, budgetMs: run.budgetMs, onDone });
  } finally {
    await b.close();
  }
}

/** Runs every check the inputs call for and returns their outcomes, in report order. */
export async function runVerify(run: VerifyInputs, progress: Progress): Promise<CheckOutcome[]> {
  const { ctx, timeoutMs, budgetMs } = run;
  let done = 0;
  const onDone = (o: { id: string; status: string }) => progress?.(`[${++done}] ${o.id} ${o.status}`);
  const limits = { concurrency: 4, checkTimeoutMs: timeoutMs, budgetMs, onDone };
  const infraChecks = CHECKS.filter((c) => c.needs !== "logs");
  const anyInfra = ctx.domain || ctx.url || ctx.repo || ctx.bundle || ctx.eml || ctx.origins?.length || ctx.canonical || ctx.dmarcReports;
  const runs = [{ host: ctx.url ? new URL(ctx.url).host : "", outcomes: anyInfra ? await runChecks(infraChecks, ctx, limits) : [] }];
  for (const u of run.urls.slice(1)) runs.push({ host: new URL(u).host, outcomes: await runChecks(infraChecks.filter((c) => PER_HOST.has(c.id)), { ...ctx, url: u }, limits) });
  const infra = mergeHosts(runs);
  let record = run.record;
  let probes: CheckOutcome[] = [];
  if (run.probePlan) ({ outcomes: probes, record } = await runProbes(run, onDone, progress));
  const browsed = run.browser && ctx.url ? await runBrowser(run, onDone) : [];
  const logs = run.logs ? await readExport(run.logs, record, progress) : undefined;
  const logged = logs ? await runChecks(CHECKS.filter((c) => c.needs === "logs"), { ...ctx, logs, probeRecord: record }, { concurrency: 1, checkTimeoutMs: timeoutMs, budgetMs, onDone }) : [];
  return [...infra, ...probes, ...browsed, ...logged];
}
