import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { ProbeClient } from "../lib/probes/client";
import { measureFlow, percentile } from "../lib/probes/checks/latency";
import { loadProbeFile } from "../lib/probes/probe-file";
import { headersOf, login } from "../lib/probes/session";
import { APP_HOST, probeEnv, sampleProbeFile, writeProbeFile } from "../tests/helpers/probe-file";
import { startSampleApp } from "../tests/helpers/sample-app";
import { makeCa } from "../tests/helpers/test-ca";

// The latency probe beside autocannon on the same endpoint of the sample app (HTTPS on
// 127.0.0.1, a feed that takes 20 ms), same request count, same concurrency, both on kept-alive
// connections, rounds interleaved. Target: the probe's p95 within 15 percent of autocannon's.

const REQUESTS = 400;
const CONCURRENCY = 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** autocannon's own response times for the run; it reports p90 and p97.5, so p95 is taken here the same way as the probe's. */
async function autocannonP95(port: number, path: string, headers: Record<string, string>): Promise<{ p95: number; p99: number; errors: number }> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon({ url: `https://127.0.0.1:${port}${path}`, servername: APP_HOST, headers, amount: REQUESTS, connections: CONCURRENCY }, (err, r) => (err ? fail(err) : done(r)));
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  const sorted = times.sort((a, b) => a - b);
  return { p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors: result.non2xx + result.errors };
}

export async function benchProbeLatency(rounds: number): Promise<string> {
  const ca = makeCa();
  const app = await startSampleApp({ ...ca.issue(APP_HOST), carrier: "bearer", loginLimit: 1000 });
  const dir = mkdtempSync(join(tmpdir(), "lb-bench-probes-"));
  try {
    const file = writeProbeFile(dir, sampleProbeFile(app, "bearer", (d) => (d.limits.requests = 100_000)));
    const plan = loadProbeFile(file, probeEnv(app));
    const client = new ProbeClient(plan, { resolve: new Map([[`${APP_HOST}:${app.port}`, "127.0.0.1"]]), lookupHost: () => Promise.reject(new Error("no DNS in the bench")), ca: readFileSync(ca.caFile) });
    const session = await login(client, "a");
    const flow = { method: "GET", path: "/api/posts" };
    const probe: number[] = [];
    const cannon: number[] = [];
    for (let i = 0; i < rounds; i++) {
      probe.push((await measureFlow(client, flow, session, REQUESTS, CONCURRENCY)).p95);
      cannon.push((await autocannonP95(app.port, flow.path, headersOf(client, session))).p95);
      process.stderr.write(".");
    }
    const [p, c] = [median(probe), median(cannon)];
    const diff = Math.abs(p - c) / c;
    return [
      `Latency probe beside autocannon 8 (GET /api/posts of the sample app, ${REQUESTS} requests at concurrency ${CONCURRENCY}, median of ${rounds} interleaved rounds):`,
      `  latency.p95 probe  p95 ${p.toFixed(1)} ms   (rounds: ${probe.map((x) => x.toFixed(1)).join(", ")})`,
      `  autocannon         p95 ${c.toFixed(1)} ms   (rounds: ${cannon.map((x) => x.toFixed(1)).join(", ")})`,
      `  difference ${(diff * 100).toFixed(1)}% (target within 15%) ${diff <= 0.15 ? "MET" : "MISSED"}`,
    ].join("\n");
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
