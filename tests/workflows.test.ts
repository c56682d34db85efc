import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The pipeline a team adopts: validated against GitHub's workflow schema by action-validator,
// and checked for what the gate promises.
const FILES = readdirSync(".github/workflows").filter((f) => f.endsWith(".yml")).sort().map((f) => `.github/workflows/${f}`);
const workflow = (name: string) => parse(readFileSync(`.github/workflows/${name}.yml`, "utf8"));
type Job = { needs?: string | string[]; if?: string; uses?: string; with?: Record<string, unknown>; permissions?: Record<string, string>; environment?: string; steps?: Array<{ uses?: string; run?: string; with?: Record<string, unknown>; if?: string }> };

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
      for (const job of Object.values(wf.jobs) as Job[]) {
        if ((job.steps ?? []).some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials"))) expect(job.permissions?.["id-token"]).toBe("write");
        // A call to a workflow that assumes a role must grant it the token.
        if (job.uses === "./.github/workflows/deploy-stack.yml" || job.uses === "./.github/workflows/rollback.yml") expect(job.permissions?.["id-token"]).toBe("write");
      }
    }
  });

  it("list every workflow file, so each is validated", () => {
    expect(FILES).toEqual([".github/workflows/deploy-stack.yml", ".github/workflows/deploy.yml", ".github/workflows/gate.yml", ".github/workflows/rollback.yml", ".github/workflows/verify-stack.yml"]);
  });

  it("gate pull requests offline for every stack with SARIF, then preview with the pack", () => {
    const gate = workflow("gate");
    expect(gate.jobs["offline-plan"].strategy.matrix.stack).toEqual(["dev", "staging", "prod"]);
    expect(JSON.stringify(gate.jobs["offline-plan"].steps)).toContain("--format sarif");
    expect(gate.jobs["offline-plan"].steps.some((s: { uses?: string }) => s.uses === "github/codeql-action/upload-sarif@v3")).toBe(true);
    const preview = gate.jobs.preview.steps.find((s: { uses?: string }) => s.uses === "pulumi/actions@v6");
    expect(preview.with).toMatchObject({ command: "preview", policyPacks: "policies", policyPackConfigs: "policies/config/${{ matrix.stack }}.json" });
  });

  it("deploy staging, verify, approve, prod, verify, in that order, each stack rolled back on a failed verify", () => {
    const deploy = workflow("deploy");
    expect(Object.entries(deploy.jobs as Record<string, Job>).map(([name, j]) => [name, j.needs ?? null, j.if ?? null, j.uses])).toEqual([
      ["up-staging", null, null, "./.github/workflows/deploy-stack.yml"],
      ["verify-staging", "up-staging", null, "./.github/workflows/verify-stack.yml"],
      ["rollback-staging", "verify-staging", "always() && needs.verify-staging.result == 'failure'", "./.github/workflows/rollback.yml"],
      ["up-prod", "verify-staging", null, "./.github/workflows/deploy-stack.yml"],
      ["verify-prod", "up-prod", null, "./.github/workflows/verify-stack.yml"],
      ["rollback-prod", "verify-prod", "always() && needs.verify-prod.result == 'failure'", "./.github/workflows/rollback.yml"],
    ]);
    expect(deploy.jobs["up-prod"].with).toEqual({ stack: "prod", environment: "production" });
    expect(deploy.jobs["rollback-prod"].with).toEqual({ stack: "prod", environment: "production" });
    // Probes send POSTs: staging only.
    expect(deploy.jobs["verify-prod"].with).toEqual({ stack: "prod", record: true });
  });

  it("deploy with the environment's own role and the pack, at the commit asked for", () => {
    const up = workflow("deploy-stack").jobs.up as Job;
    expect(up.environment).toBe("${{ inputs.environment }}");
    expect(up.steps!.find((s) => s.uses === "actions/checkout@v4")!.with).toEqual({ ref: "${{ inputs.ref || github.sha }}" });
    expect(up.steps!.find((s) => s.uses === "aws-actions/configure-aws-credentials@v4")!.with).toMatchObject({ "role-to-assume": "${{ vars.AWS_DEPLOY_ROLE_ARN }}" });
    expect(up.steps!.find((s) => s.uses === "pulumi/actions@v6")!.with).toMatchObject({ command: "up", policyPacks: "policies", policyPackConfigs: "policies/config/${{ inputs.stack }}.json" });
  });

  it("record a verified commit with the tested script, and roll back to what it picks", () => {
    const record = workflow("verify-stack").jobs.record as Job;
    expect(record.needs).toBe("verify");
    expect(record.permissions).toEqual({ contents: "write" });
    expect(record.steps!.at(-1)!.run).toContain('npm run -s rollback -- tag --stack "${{ inputs.stack }}" --commit HEAD');
    const rb = workflow("rollback").jobs as Record<string, Job>;
    expect(rb.target!.steps!.find((s) => s.uses === "actions/checkout@v4")!.with).toEqual({ "fetch-depth": 0, "fetch-tags": true });
    expect(rb.target!.steps!.at(-1)!.run).toBe('npm run -s rollback -- target --stack "${{ inputs.stack }}" --failed "${{ github.sha }}" >> "$GITHUB_OUTPUT"');
    expect(rb.redeploy!.with).toEqual({ stack: "${{ inputs.stack }}", environment: "${{ inputs.environment }}", ref: "${{ needs.target.outputs.commit }}" });
    expect(rb.reverify!.with).toMatchObject({ ref: "${{ needs.target.outputs.commit }}" });
    expect(rb.report!.if).toBe("always()");
    expect(rb.report!.steps![0]!.run).toContain("Runbook: $RUNBOOK");
  });
});
