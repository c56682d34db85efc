import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { resolve } from "node:path";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { zoneFile } from "../lib/dns/zone-file";
import { mtaStsPolicy } from "../lib/email/mta-sts";
import { planStack } from "../lib/plan/plan";
import { CHROMIUM, isExecutableFile } from "../lib/verify/chromium-path";
import { policies } from "../policies/policies";
import { startDnsServer } from "../tests/helpers/dns-server";
import { makeCa } from "../tests/helpers/test-ca";
import { startAliasHost, startWebTarget } from "../tests/helpers/web-servers";
import { parseZone } from "../tests/helpers/zone";

// The full verify of a four-host stack against local good targets: the prod zone (as the plan
// exports it) on a DNS server on 127.0.0.1; the apex, app and api hosts as well-configured HTTPS
// servers with their plain-HTTP redirectors; www redirecting to the apex. Targets: under 5 s
// without the browser checks, under 10 s with them.

function runVerify(args: string[]): Promise<{ code: number; ms: number; stdout: string }> {
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--max-semi-space-size=64", "-r", resolve(__dirname, "../cli/register.js"), "cli/verify.ts", ...args], { stdio: ["ignore", "pipe", "ignore"] });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("close", (code) => done({ code: code ?? -1, ms: Number(process.hrtime.bigint() - started) / 1e6, stdout }));
  });
}

export async function benchVerify(runs: number): Promise<string> {
  const publicKeyPem = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
  const plan = await planStack({ project: "launch-baseline", stack: "prod", stacksDir: "stacks", programPath: "index.ts", policies, wrapMocks: (b) => ({ ...b, async newResource(a) { const r = await b.newResource(a); return a.type === "tls:index/privateKey:PrivateKey" ? { ...r, state: { ...r.state, publicKeyPem } } : r; } }) });
  const zone = zoneFile(plan.resources, plan.config!.cloudflareZoneId, plan.config!.domain, "; bench").text;
  const dns = await startDnsServer([...parseZone(zone), ...parseZone('example.com.\t300\tIN\tNS\tada.ns.cloudflare.com.\n_spf.google.com.\t300\tIN\tTXT\t"v=spf1 ip4:192.0.2.0/24 -all"\namazonses.com.\t300\tIN\tTXT\t"v=spf1 ip4:198.18.0.0/24 -all"\n')]);
  const ca = makeCa();
  const webHosts = ["example.com", "app.example.com", "api.example.com"];
  const webs = await Promise.all(webHosts.map((host) => startWebTarget({ host, ...ca.issue(host) })));
  const www = await startAliasHost({ ...ca.issue("www.example.com"), to: "example.com" });
  const policy = mtaStsPolicy("enforce", ["aspmx.l.google.com", "alt1.aspmx.l.google.com", "alt2.aspmx.l.google.com"], 604800);
  const policyServer = createServer(ca.issue("mta-sts.example.com"), (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(policy));
  const policyPort = await new Promise<number>((r) => policyServer.listen(0, "127.0.0.1", () => r((policyServer.address() as AddressInfo).port)));
  // One plain-HTTP listener for every host, as the edge has: it redirects by Host header.
  const httpsPortOf = new Map(webHosts.map((h, i) => [h, webs[i].httpsPort]));
  const plain = createHttpServer((req, res) => {
    const host = String(req.headers.host ?? "").replace(/:\d+$/, "");
    res.writeHead(301, { location: `https://${host}:${httpsPortOf.get(host) ?? 443}${req.url}` }).end();
  });
  const httpPort = await new Promise<number>((r) => plain.listen(0, "127.0.0.1", () => r((plain.address() as AddressInfo).port)));
  const args = [
    "--domain", "example.com", "--dkim-selector", "google", "--dkim-selector", "app2026", "--dns-server", `127.0.0.1:${dns.port}`,
    ...webHosts.flatMap((h, i) => ["--url", `https://${h}:${webs[i].httpsPort}/`, "--resolve", `${h}:${webs[i].httpsPort}:127.0.0.1`, "--resolve", `${h}:${httpPort}:127.0.0.1`]),
    "--http-port", String(httpPort),
    "--canonical", "www.example.com=example.com", "--resolve", `www.example.com:${www.httpsPort}:127.0.0.1`,
    "--resolve", `mta-sts.example.com:${policyPort}:127.0.0.1`, "--ca-file", ca.caFile, "--repo", ".", "--json",
  ];
  try {
    const lines = [`Verify, full run of a four-host stack (${[...webHosts, "www.example.com"].join(", ")}) against local good targets, ${runs} runs each (the bench's DNS server does not sign the zone, so dns.dnssec fails there):`];
    for (const [label, extra, limit] of [["without the browser", [], 5], ["with --browser", ["--browser"], 10]] as const) {
      if (extra.length && !isExecutableFile(CHROMIUM)) {
        lines.push(`  ${label}: not measured, no Chromium at ${CHROMIUM} (apt-get install chromium)`);
        continue;
      }
      const times: number[] = [];
      let last = { code: 0, ms: 0, stdout: "" };
      for (let i = 0; i < runs; i++) times.push((last = await runVerify([...args, ...extra])).ms);
      const doc = JSON.parse(last.stdout) as { checks: Array<{ id: string; status: string }> };
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] / 1000;
      const notPassing = doc.checks.filter((c) => c.status !== "pass").map((c) => `${c.id}=${c.status}`);
      lines.push(`  ${label} (${doc.checks.length} checks): median ${median.toFixed(2)} s (target under ${limit} s) ${median < limit ? "MET" : "MISSED"}; not passing: ${notPassing.join(", ") || "none"}`);
    }
    return lines.join("\n");
  } finally {
    await Promise.all(webs.map((w) => w.close()));
    await www.close();
    plain.close();
    policyServer.close();
    await dns.close();
  }
}
