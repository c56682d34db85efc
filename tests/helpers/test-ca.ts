import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isIP } from "node:net";
import { join } from "node:path";

// A CA the tests make with openssl, and certificates it signs, with any validity period
// (openssl ca takes explicit start and end dates, so an expired certificate is possible).

export interface TestCa {
  readonly dir: string;
  readonly caFile: string;
  issue(name: string, opts?: { start?: Date; end?: Date }): { cert: Buffer; key: Buffer };
}

const stamp = (d: Date) => `${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;

export function makeCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), "lb-ca-"));
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "30", "-subj", "/CN=launch-baseline test CA"]);
  mkdirSync(join(dir, "db"));
  writeFileSync(join(dir, "db", "index.txt"), "");
  writeFileSync(join(dir, "db", "serial"), "01\n");
  writeFileSync(join(dir, "ca.cnf"), "[ca]\ndefault_ca = test\n[test]\ndir = .\ndatabase = db/index.txt\nserial = db/serial\nnew_certs_dir = db\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n");
  let n = 0;
  return {
    dir,
    caFile: join(dir, "ca.crt"),
    issue(name, opts = {}) {
      const base = `leaf${++n}`;
      run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${base}.key`, "-out", `${base}.csr`, "-subj", `/CN=${name}`]);
      writeFileSync(join(dir, `${base}.ext`), `subjectAltName=${isIP(name) ? "IP" : "DNS"}:${name}\n`);
      const start = opts.start ?? new Date(Date.now() - 86_400_000);
      const end = opts.end ?? new Date(Date.now() + 90 * 86_400_000);
      run(["ca", "-batch", "-config", "ca.cnf", "-cert", "ca.crt", "-keyfile", "ca.key", "-in", `${base}.csr`, "-out", `${base}.crt`, "-startdate", stamp(start), "-enddate", stamp(end), "-extfile", `${base}.ext`]);
      return { cert: readFileSync(join(dir, `${base}.crt`)), key: readFileSync(join(dir, `${base}.key`)) };
    },
  };
}
