import { Agent } from "node:https";
import type { ProbeClient } from "../client";
import { headersOf, type Session } from "../session";
import { is2xx, Findings, type Probe } from "../types";

// p95 and p99 of each main flow over a bounded number of requests at bounded concurrency, on
// kept-alive connections as a browser uses them, against the checklist's 500 ms.

export interface FlowLatency {
  readonly samples: readonly number[];
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errors: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function measureFlow(client: ProbeClient, flow: { method: string; path: string; body?: unknown }, session: Session, requests: number, concurrency: number): Promise<FlowLatency> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const headers = { ...headersOf(client, session), ...(flow.body ? { "content-type": "application/json" } : {}) };
  const body = flow.body === undefined ? undefined : JSON.stringify(flow.body);
  const worker = async () => {
    while (next < requests) {
      next++;
      const res = await client.send({ method: flow.method, path: flow.path, headers, body, agent });
      samples.push(res.ms);
      if (!is2xx(res.status)) errors++;
    }
  };
  const lanes = Math.min(concurrency, requests);
  try {
    // One request per connection first, not counted: a browser's connection is already open, and
    // a TLS handshake in the first samples would stand for the network, not the app.
    await Promise.all(Array.from({ length: lanes }, () => client.send({ method: flow.method, path: flow.path, headers, body, agent })));
    await Promise.all(Array.from({ length: lanes }, worker));
  } finally {
    agent.destroy();
  }
  const sorted = [...samples].sort((x, y) => x - y);
  return { samples, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors };
}

export const latencyP95: Probe = {
  id: "latency.p95",
  area: "Deployment hygiene",
  runbook: "slow-responses",
  notApplicable: (plan) => (plan.latency ? undefined : "no main flow in the probe file (latency.flows)"),
  async run({ plan, client, sessions }) {
    const { flows, requests, concurrency, targetMs } = plan.latency!;
    const f = new Findings();
    for (const flow of flows) {
      const m = await measureFlow(client, flow, await sessions.get(flow.as), requests, concurrency);
      const ms = (x: number) => `${x.toFixed(0)} ms`;
      f.evidence.push(`${flow.name} (${flow.method} ${flow.path}): ${requests} requests at concurrency ${concurrency} (after ${Math.min(concurrency, requests)} to open the connections): p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, p99 ${ms(m.p99)}${m.errors ? `, ${m.errors} not 2xx` : ""}`);
      if (m.p95 > targetMs) f.failures.push(`${flow.name} p95 ${ms(m.p95)} > ${targetMs} ms`);
      else if (m.errors) f.warnings.push(`${flow.name}: ${m.errors} of ${requests} responses were not 2xx`);
      else if (m.p99 > targetMs) f.warnings.push(`${flow.name} p99 ${ms(m.p99)} > ${targetMs} ms (p95 ${ms(m.p95)} is within)`);
    }
    return f.verdict(`p95 of every main flow is within ${targetMs} ms`, `p95 over ${targetMs} ms`);
  },
};
