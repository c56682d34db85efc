import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { Resolver } from "node:dns/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KNOT } from "./servers";

export const KNOTD = KNOT.path;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface KnotServer {
  readonly port: number;
  stop(): void;
}

/**
 * Knot DNS on 127.0.0.1 serving standard zone files, as a real authoritative server. Each zone
 * gets an SOA and NS, which `plan --zone-file` leaves to Cloudflare.
 */
export async function startKnot(zones: Record<string, string>, nameservers: Record<string, readonly string[]> = {}, signed: readonly string[] = []): Promise<KnotServer> {
  if (!KNOTD) throw new Error(`knotd is not installed (${KNOT.install})`);
  const dir = mkdtempSync(join(tmpdir(), "lb-knot-"));
  const port = await freePort();
  const zoneConf: string[] = [];
  for (const [apex, text] of Object.entries(zones)) {
    const ns = nameservers[apex] ?? [`ns1.${apex}`];
    const soa = `${apex}. 300 IN SOA ${ns[0]}. hostmaster.${apex}. 1 7200 3600 1209600 300\n${ns.map((n) => `${apex}. 300 IN NS ${n}.`).join("\n")}\n`;
    writeFileSync(join(dir, `${apex}.zone`), `$ORIGIN ${apex}.\n$TTL 300\n${soa}${text}`);
    // Zones in `signed` are signed by Knot itself, with keys it makes on start.
    zoneConf.push(`  - domain: ${apex}\n    file: ${join(dir, `${apex}.zone`)}${signed.includes(apex) ? "\n    dnssec-signing: on\n    dnssec-policy: test" : ""}`);
  }
  writeFileSync(
    join(dir, "knot.conf"),
    [`server:`, `    listen: 127.0.0.1@${port}`, `    rundir: ${dir}`, `database:`, `    storage: ${dir}`, `log:`, `  - target: stderr`, `    any: warning`, `policy:`, `  - id: test`, `    algorithm: ecdsap256sha256`, `zone:`, ...zoneConf, ""].join("\n"),
  );
  const child: ChildProcess = spawn(KNOTD, ["-c", join(dir, "knot.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  const apex = Object.keys(zones)[0];
  for (let i = 0; i < 100; i++) {
    try {
      await resolver.resolveSoa(apex);
      return { port, stop: () => child.kill("SIGTERM") };
    } catch {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`knotd did not start: ${stderr}`);
}
