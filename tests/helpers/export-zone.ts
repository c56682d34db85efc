import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./run-plan";

/**
 * The prod zone as `plan --zone-file` writes it, planned in its own process (the SDK keeps its
 * state in globals) with the self-managed DKIM key resource given the test's public key.
 */
export function exportZone(publicKeyPem: string, stacksDir = join(ROOT, "stacks")): string {
  const dir = mkdtempSync(join(tmpdir(), "lb-zone-"));
  writeFileSync(join(dir, "public.pem"), publicKeyPem);
  const r = spawnSync(process.execPath, ["-r", join(ROOT, "cli", "register.js"), "tests/helpers/plan-with-key.ts", "prod", stacksDir, join(dir, "public.pem"), join(dir, "prod.zone")], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return readFileSync(join(dir, "prod.zone"), "utf8");
}
