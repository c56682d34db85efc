import type { Check, CheckOutcome, VerifyContext } from "./types";
import { AREAS, CouldNotRun, type Area, type Status } from "./types";

/** A rejected promise when `ms` passes first; the check then fails with a timeout. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Runs independent checks a few at a time. Each has a time limit; the whole run has a budget,
 * after which the checks not yet started are skipped (never passed). A check that throws fails
 * with the error's message, so one broken server never stops the run.
 */
export async function runChecks(checks: readonly Check[], ctx: VerifyContext, opts: { concurrency: number; checkTimeoutMs: number; budgetMs: number; onDone?: (o: CheckOutcome) => void }): Promise<CheckOutcome[]> {
  const deadline = Date.now() + opts.budgetMs;
  const outcomes = new Map<string, CheckOutcome>();
  const selected = (id: string) => !ctx.only?.length || ctx.only.some((p) => id === p || id.startsWith(`${p}.`));
  const queue = checks.filter((c) => selected(c.id));
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const base = { id: c.id, area: c.area, runbook: c.runbook };
      let outcome: CheckOutcome;
      if (Date.now() >= deadline) outcome = { ...base, status: "skip", summary: "not run: the verify budget was spent", evidence: [] };
      else if (c.needs === "url" && !ctx.url) outcome = { ...base, status: "skip", summary: "no URL to check (--url, or --stack)", evidence: [] };
      else if (c.needs === "domain" && !ctx.domain) outcome = { ...base, status: "skip", summary: "no domain to check (--domain, or --stack)", evidence: [] };
      else if (c.needs === "eml" && !ctx.eml) outcome = { ...base, status: "skip", summary: "no received message to authenticate (--eml)", evidence: [] };
      else if (c.needs === "repo" && !ctx.repo) outcome = { ...base, status: "skip", summary: "no repository to scan (--repo)", evidence: [] };
      else if (c.needs === "origins" && !ctx.origins?.length) outcome = { ...base, status: "skip", summary: "no origin to ask directly (--stack, or --origin host=address)", evidence: [] };
      else if (c.needs === "canonical" && !ctx.canonical) outcome = { ...base, status: "skip", summary: "no alias host to redirect (--stack with canonicalRedirect, or --canonical www.example.com=example.com)", evidence: [] };
      else if (c.needs === "cnames" && !ctx.cnameNames?.length) outcome = { ...base, status: "skip", summary: "no CNAMEs to ask (--existing-zone <export>, or --stack)", evidence: [] };
      else if (c.needs === "dmarc-reports" && !ctx.dmarcReports) outcome = { ...base, status: "skip", summary: "no DMARC aggregate reports to read (--dmarc-reports <dir>)", evidence: [] };
      else if (c.needs === "uptime" && !ctx.uptimeChecks?.length) outcome = { ...base, status: "skip", summary: "no uptime checks to ask (--stack)", evidence: [] };
      else if (c.needs === "logs" && !ctx.logs) outcome = { ...base, status: "skip", summary: "no security-log export to read (--logs)", evidence: [] };
      else if (c.needs === "bundle-or-url" && !ctx.bundle && !ctx.url) outcome = { ...base, status: "skip", summary: "no frontend to scan (--bundle or --url)", evidence: [] };
      else {
        const left = deadline - Date.now();
        try {
          outcome = { ...base, ...(await within(c.run(ctx), Math.min(opts.checkTimeoutMs, Math.max(1, left)), c.id)) };
        } catch (e) {
          // Cut off by the run's budget rather than its own time limit: it judged nothing.
          const cut = left <= opts.checkTimeoutMs && Date.now() >= deadline;
          outcome = cut ? { ...base, status: "error", summary: "cut off by the verify budget before it finished. Fix: raise --budget (or limits.seconds for probes).", evidence: [] } : { ...base, status: e instanceof CouldNotRun ? "error" : "fail", summary: (e as Error).message, evidence: [] };
        }
      }
      outcomes.set(c.id, outcome);
      opts.onDone?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return checks.filter((c) => selected(c.id)).map((c) => outcomes.get(c.id)!);
}

const RANK: Record<Status, number> = { pass: 0, skip: 1, error: 1, warn: 2, fail: 3 };

// Areas the checklist states in two halves: neither half stands for the whole.
const HALVES: Partial<Record<Area, ReadonlyArray<{ readonly name: string; readonly prefix: string; readonly how: string }>>> = {
  "Logging and monitoring": [
    { name: "uptime", prefix: "monitoring.", how: "npm run verify -- --stack <env>" },
    { name: "security events", prefix: "logs.", how: "npm run verify -- --logs <export>" },
  ],
};

export interface AreaVerdict {
  readonly area: Area;
  readonly status: Status | "not checked" | "partial";
  /** Why an area is partial: the half that was not checked, and how to check it. */
  readonly reason?: string;
}

/**
 * One status per checklist area: the worst of its checks; an area with no check run is "not
 * checked", and an area of two halves with one unchecked is "partial" unless something failed.
 */
export function scorecard(outcomes: readonly CheckOutcome[]): AreaVerdict[] {
  return AREAS.map((area): AreaVerdict => {
    // A check that could not run judged nothing: it neither passes nor fails its area.
    const mine = outcomes.filter((o) => o.area === area && o.status !== "skip" && o.status !== "error");
    const errors = outcomes.filter((o) => o.area === area && o.status === "error");
    if (mine.length === 0) return errors.length ? { area, status: "not checked", reason: `could not run: ${errors[0].summary}` } : { area, status: "not checked" };
    const worst = mine.reduce<Status>((w, o) => (RANK[o.status] > RANK[w] ? o.status : w), "pass");
    const unchecked = (HALVES[area] ?? []).filter((h) => !mine.some((o) => o.id.startsWith(h.prefix)));
    const reasons = [...unchecked.map((h) => `${h.name} not checked: ${h.how}`), ...errors.map((o) => `${o.id} could not run`)];
    if (worst === "fail" || reasons.length === 0) return { area, status: worst };
    return { area, status: "partial", reason: reasons.join("; ") };
  });
}
