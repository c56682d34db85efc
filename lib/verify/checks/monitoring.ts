import { fetchOnce, lookupHost } from "../http";
import type { Check } from "../types";

// The uptime half of "Logging and monitoring", live: each of the stack's uptime checks asked as
// Route 53's HTTPS_STR_MATCH checker asks it. A 2xx or 3xx answer whose first 5,120 bytes hold
// the match text is healthy; anything else would page the on-call as soon as it is deployed.

const ROUTE53_SEARCH_BYTES = 5120;

export const monitoringUptimeTargets: Check = {
  id: "monitoring.uptime-targets",
  needs: "uptime",
  area: "Logging and monitoring",
  runbook: "origin-down",
  async run(ctx) {
    const opts = { ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h: string) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs, maxBodyBytes: ROUTE53_SEARCH_BYTES };
    const failures: string[] = [];
    const healthy: string[] = [];
    for (const check of ctx.uptimeChecks!) {
      const res = await fetchOnce(check.url, opts).catch((e: Error) => e);
      if (res instanceof Error) failures.push(`${check.name} ${check.url}: ${res.message}`);
      else if (res.status < 200 || res.status >= 400) failures.push(`${check.name} ${check.url}: HTTP ${res.status}`);
      else if (!res.body.slice(0, ROUTE53_SEARCH_BYTES).includes(check.match)) failures.push(`${check.name} ${check.url}: HTTP ${res.status}, but the first ${ROUTE53_SEARCH_BYTES} bytes do not contain ${JSON.stringify(check.match)}`);
      else healthy.push(`${check.name} ${check.url}: HTTP ${res.status}, contains ${JSON.stringify(check.match)}`);
    }
    if (failures.length) return { status: "fail", summary: `${failures.length} of ${ctx.uptimeChecks!.length} uptime checks would fail as Route 53 asks them`, evidence: failures };
    return { status: "pass", summary: `all ${healthy.length} uptime checks answer as Route 53 expects`, evidence: healthy };
  },
};
