import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPolicyPack, type PolicyPackProcess } from "../lib/engine/analyzer";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import type { CapturedResource } from "../lib/plan/types";
import { policies } from "../policies/policies";
import { ROOT } from "./helpers/run-plan";

// `pulumi policy publish` packs policies/ with npm pack and the service installs that tarball on
// its own, with none of this repository around it. So: pack it, unpack it into an empty folder,
// install only what its package.json declares, and drive it there as the CLI would.

const work = mkdtempSync(join(tmpdir(), "lb-pack-"));
const installed = join(work, "package");
let files: string[] = [];
let pack: PolicyPackProcess;

beforeAll(async () => {
  const [report] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: join(ROOT, "policies"), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = report!.files.map((f) => f.path).sort();
  execFileSync("tar", ["xzf", join(work, report!.filename), "-C", work]);
  // From npm's cache where it holds the packages (npm ci filled it), as the service's npm install would.
  execFileSync("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: installed, stdio: ["ignore", "ignore", "pipe"] });
  pack = await startPolicyPack(installed);
}, 300_000);
afterAll(() => pack?.close());

describe("the published policy pack", () => {
  it("ships the bundle, the pack manifest and the configs, and no source", () => {
    expect(files).toEqual(["PulumiPolicy.yaml", "config/bootstrap.json", "config/dev.json", "config/prod.json", "config/staging.json", "dist/pack.js", "index.js", "package.json"]);
    expect(readFileSync(join(installed, "dist/pack.js"), "utf8")).not.toMatch(/require\(["']\.\.\//);
  });

  it("declares its dependencies at the versions the project pins", () => {
    const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).dependencies as Record<string, string>;
    const own = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).dependencies as Record<string, string>;
    for (const [name, version] of Object.entries(own)) expect(`${name}@${version}`).toBe(`${name}@${root[name]}`);
    expect(Object.keys(own)).toContain("@pulumi/pulumi");
  });

  it("starts under run-policy-pack in a folder of its own and answers GetAnalyzerInfo", async () => {
    const info = await pack.info();
    expect([info.name, info.version]).toEqual(["launch-baseline", "0.1.0"]);
    expect(info.policies.map((p) => p.name)).toEqual(policies.map((p) => p.name));
    expect(pack.stderr()).toBe("");
  });

  it("judges as the repository's pack does: Flexible SSL is blocked in prod", async () => {
    await pack.configure(resolvePolicyConfig(await pack.info().then((i) => i.policies), join(ROOT, "policies/config/prod.json")));
    const setting = (value: string): CapturedResource => ({ urn: "urn:pulumi:prod::launch-baseline::cloudflare:index/zoneSetting:ZoneSetting::edge-ssl", type: "cloudflare:index/zoneSetting:ZoneSetting", name: "edge-ssl", custom: true, parent: null, provider: null, dependencies: [], inputs: { zoneId: "zone", settingId: "ssl", value } });
    expect(await pack.analyze(setting("strict"), undefined)).toEqual([]);
    const found = await pack.analyze(setting("flexible"), undefined);
    expect(found.map((d) => [d.policy, d.enforcementLevel])).toEqual([["zone-ssl-strict", "mandatory"]]);
  });
});
