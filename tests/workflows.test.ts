import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The pipeline a team adopts: validated against GitHub's workflow schema by action-validator,
// and checked for what the gate promises.
const FILES = [".github/workflows/gate.yml", ".github/workflows/deploy.yml"];

describe("workflows", () => {
  it.each(FILES)("%s passes action-validator", (file) => {
    const r = spawnSync(process.execPath, [require.resolve("@action-validator/cli/cli.mjs"), file], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("use OIDC for cloud access and hold no long-lived keys", () => {
    for (const file of FILES) {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|PULUMI_ACCESS_TOKEN/);
      const wf = parse(text);
      for (const job of Object.values(wf.jobs) as Array<{ steps: Array<{ uses?: string }>; permissions?: Record<string, string> }>) {
        if (job.steps.some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials"))) expect(job.permissions?.["id-token"]).toBe("write");
      }
    }
  });

  it("gate pull requests offline for every stack with SARIF, then preview with the pack", () => {
    const gate = parse(readFileSync(FILES[0], "utf8"));
    expect(gate.jobs["offline-plan"].strategy.matrix.stack).toEqual(["dev", "staging", "prod"]);
    expect(JSON.stringify(gate.jobs["offline-plan"].steps)).toContain("--format sarif");
    expect(gate.jobs["offline-plan"].steps.some((s: { uses?: string }) => s.uses === "github/codeql-action/upload-sarif@v3")).toBe(true);
    const preview = gate.jobs.preview.steps.find((s: { uses?: string }) => s.uses === "pulumi/actions@v6");
    expect(preview.with).toMatchObject({ command: "preview", policyPacks: "policies", policyPackConfigs: "policies/config/${{ matrix.stack }}.json" });
  });

  it("deploy staging, verify, approve, prod, verify, in that order", () => {
    const deploy = parse(readFileSync(FILES[1], "utf8"));
    expect(Object.entries(deploy.jobs).map(([name, j]) => [name, (j as { needs?: string }).needs ?? null])).toEqual([
      ["up-staging", null],
      ["verify-staging", "up-staging"],
      ["up-prod", "verify-staging"],
      ["verify-prod", "up-prod"],
    ]);
    expect(deploy.jobs["up-prod"].environment).toBe("production");
  });
});
