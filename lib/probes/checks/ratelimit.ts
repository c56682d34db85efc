import { line } from "../client";
import { Findings, type Probe } from "../types";

// A bounded burst on each abuse-prone endpoint, one request at a time: it must meet 429 before
// the configured threshold is far exceeded (half again), with a Retry-After hint. It stops at the
// first 429, so it never hammers a limit that works.

const RUNBOOK = "rate-limit-false-positives";

/** How many requests the burst may send for a threshold: the threshold and half again, at least 2 more. */
const burstBound = (threshold: number) => threshold + Math.max(2, Math.ceil(threshold / 2));

export const ratelimitBurst: Probe = {
  id: "ratelimit.burst",
  area: "Rate limiting",
  runbook: RUNBOOK,
  notApplicable: (plan) => (plan.abuse.length ? undefined : "no abuse-prone endpoint in the probe file (abuse)"),
  async run({ plan, client }) {
    const f = new Findings();
    for (const r of plan.abuse) {
      const bound = burstBound(r.threshold);
      let limitedAt = 0;
      let retryAfter: string | undefined;
      let melted = false;
      let sent = 0;
      let last = 0;
      const statuses = new Map<number, number>();
      for (let i = 1; i <= bound; i++) {
        const res = await client.json(r.method, r.path, r.body);
        sent = i;
        last = res.status;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) {
          f.failures.push(`${r.method} ${r.path} fails with ${res.status} at request ${i}`);
          melted = true;
          break;
        }
        if (res.status === 429) {
          limitedAt = i;
          retryAfter = [res.headers["retry-after"]].flat()[0];
          break;
        }
      }
      const seen = [...statuses].map(([s, n]) => `${n}x ${s}`).join(", ");
      f.evidence.push(line(r.method, r.path, { status: last }, `after ${sent} request(s) (${seen}); threshold ${r.threshold}${retryAfter ? `, Retry-After: ${retryAfter}` : ""}`));
      if (!limitedAt && !melted) f.failures.push(`${r.method} ${r.path}: no 429 within ${bound} requests (threshold ${r.threshold})`);
      else if (limitedAt && !retryAfter) f.warnings.push(`${r.method} ${r.path} answers 429 without Retry-After`);
    }
    return f.verdict(`every abuse-prone endpoint (${plan.abuse.length}) answers 429 by its threshold, with Retry-After`, "an abuse-prone endpoint is not limited");
  },
};
