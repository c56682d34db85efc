import type { CheckOutcome, Status } from "./types";

// "SSL enforced everywhere": the web checks run on every public host, and each check's result is
// the worst over the hosts. A check that passes on the app host and fails on api fails; the
// report and --json keep each host's own result.

/** The checks that judge one host; the rest judge the zone, the repository or the app once. */
export const PER_HOST = new Set(["transport.https-redirect", "transport.hsts", "transport.tls-versions", "transport.certificate", "headers.security", "headers.cookies", "debug.exposure"]);

const RANK: Record<Status, number> = { pass: 0, skip: 1, error: 2, warn: 3, fail: 4 };

/** One outcome per check over several hosts' runs (the first run holds every check). */
export function mergeHosts(runs: ReadonlyArray<{ host: string; outcomes: readonly CheckOutcome[] }>): CheckOutcome[] {
  if (runs.length < 2) return [...(runs[0]?.outcomes ?? [])];
  return runs[0].outcomes.map((first) => {
    if (!PER_HOST.has(first.id)) return first;
    const each = runs.map((r) => ({ host: r.host, o: r.outcomes.find((x) => x.id === first.id) })).filter((x): x is { host: string; o: CheckOutcome } => x.o !== undefined);
    const worst = each.reduce((w, x) => (RANK[x.o.status] > RANK[w.o.status] ? x : w), each[0]);
    const others = each.filter((x) => x.o.status !== worst.o.status);
    const summary = others.length === 0 ? `${worst.o.summary} (on every host: ${each.map((x) => x.host).join(", ")})` : `${worst.host}: ${worst.o.summary}; ${others.map((x) => `${x.host}: ${x.o.status}`).join(", ")}`;
    return {
      ...first,
      status: worst.o.status,
      summary,
      evidence: each.flatMap((x) => [`${x.host}: ${x.o.status} ${x.o.summary}`, ...x.o.evidence.map((e) => `${x.host}: ${e}`)]),
      hosts: each.map((x) => ({ host: x.host, status: x.o.status, summary: x.o.summary })),
    };
  });
}
