import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deployerRows } from "../lib/handover/deployers-section";
import type { CapturedResource } from "../lib/plan/types";
import { runCli } from "./helpers/run-plan";
import { UNSAFE } from "./helpers/trust-fixtures";

// "Who can deploy" in the handover: the bootstrap project's roles with the trust evaluator's
// answer, and a wide trust named for what it lets in.

const resource = (type: string, name: string, inputs: Record<string, unknown>): CapturedResource => ({ urn: `urn:pulumi:s::p::${type}::${name}`, type, name, custom: true, parent: null, provider: null, dependencies: [], inputs });

describe("Who can deploy", () => {
  it("lists each bootstrap role with who the evaluator lets in and what it may do", async () => {
    const out = mkdtempSync(join(tmpdir(), "lb-deployers-"));
    const r = await runCli("handover", ["--project", "bootstrap", "--stack", "prod-account", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, "handover-prod-account.md"), "utf8");
    const rows = md.split("## Who can deploy")[1]!.split("\n## ")[0]!.split("\n").filter((l) => l.startsWith("| launch-baseline-")).map((l) => l.slice(2, -2).split(" | "));
    const byRole = new Map(rows.map((row) => [row[0], row]));
    expect([...byRole.keys()].sort()).toEqual(["launch-baseline-preview", "launch-baseline-prod-deploy"]);
    expect(byRole.get("launch-baseline-prod-deploy")!.slice(1, 4)).toEqual(["prod", "a job in environment production of example-org/launch-baseline", "1 h"]);
    expect(byRole.get("launch-baseline-preview")![2]).toBe("a pull request in example-org/launch-baseline, a pull request from the fork someone-else/launch-baseline to example-org/launch-baseline");
    expect(byRole.get("launch-baseline-prod-deploy")![4]).toContain("bounded by launch-baseline-prod-deploy-boundary: never more than that policy allows");
    expect(byRole.get("launch-baseline-preview")![4]).toContain("inline: denied secretsmanager:GetSecretValue on *");
    expect(md).not.toMatch(/AdministratorAccess|Action "\*"/);
  });

  it("names every repository a wide trust lets in, and a managed policy by name", () => {
    const role = resource("aws:iam/role:Role", "wide", { name: "wide", assumeRolePolicy: JSON.stringify(UNSAFE["sub as repo:org/*"].doc), managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] });
    const [row] = deployerRows([role]);
    expect(row!.assumers).toContain("a job in environment production of acme-corp/another-repository");
    expect(row!.assumers).toContain("a push to refs/heads/some-branch of acme-corp/the-repository");
    expect(row!.may).toEqual(["the managed policy AdministratorAccess"]);
    expect(row!.session).toBe("1 h (AWS default)");
  });

  it("says a role trusted by anyone is trusted by anyone, and a computed trust is unknown", () => {
    const open = resource("aws:iam/role:Role", "open", { name: "open", assumeRolePolicy: JSON.stringify(UNSAFE['Principal "*" without a condition'].doc) });
    const computed = resource("aws:iam/role:Role", "later", { name: "later", assumeRolePolicy: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
    expect(deployerRows([open, computed]).map((r) => r.assumers)).toEqual([['anyone (Principal "*")'], ["unknown until deploy (the trust policy is computed)"]]);
  });
});
