import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers/run-plan";
import { credentials } from "./helpers/secret-corpus";

async function verify(args: string[]): Promise<{ code: number; stdout: string; doc: { checks: Array<{ id: string; status: string; summary: string; evidence: string[] }> } }> {
  const run = await runCli("verify", [...args, "--json"]);
  return { code: run.code, stdout: run.stdout, doc: JSON.parse(run.stdout) };
}

function repoWithHistory(plant?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lb-repo-"));
  const git = (...a: string[]) => execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", ...a], { stdio: "ignore" });
  git("init", "-q");
  writeFileSync(join(dir, "app.env"), plant ? `STRIPE_KEY=${plant}\n` : "LOG_LEVEL=info\n");
  git("add", ".");
  git("commit", "-qm", "first");
  // The secret is removed from the tree, but stays in the first commit.
  writeFileSync(join(dir, "app.env"), "LOG_LEVEL=info\n");
  git("commit", "-qam", "remove it", "--allow-empty");
  return dir;
}

describe("secrets.repository", () => {
  it("finds a fake secret planted in an old commit, without printing it", async () => {
    const key = credentials().find((c) => c.kind === "stripe-secret-key")!.value;
    const repo = repoWithHistory(key);
    const r = await verify(["--repo", repo, "--checks", "secrets"]);
    const check = r.doc.checks.find((c) => c.id === "secrets.repository")!;
    expect(check.status).toBe("fail");
    expect(check.summary).toBe("1 secret in the repository or its history (values not shown)");
    expect(check.evidence).toEqual([expect.stringMatching(/^app\.env in commit [0-9a-f]{12} stripe-secret-key \(history\)$/)]);
    expect(r.stdout).not.toContain(key);
    expect(r.code).toBe(1);
  });

  it("passes a clean repository, and this project's own", async () => {
    expect((await verify(["--repo", repoWithHistory(), "--checks", "secrets.repository"])).doc.checks[0].status).toBe("pass");
    const own = await verify(["--repo", ROOT, "--checks", "secrets.repository"]);
    expect(own.doc.checks[0]).toMatchObject({ status: "pass" });
  });
});

describe("secrets.bundle", () => {
  it("finds a key left in built frontend assets, and passes clean ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lb-bundle-"));
    mkdirSync(join(dir, "assets"));
    const key = credentials().find((c) => c.kind === "google-api-key")!.value;
    writeFileSync(join(dir, "assets", "main.js"), `const config={apiBase:"/api",mapsKey:"${key}"};export default config;\n`);
    writeFileSync(join(dir, "index.html"), "<script src=/assets/main.js></script>");
    const r = await verify(["--bundle", dir, "--checks", "secrets.bundle"]);
    expect(r.doc.checks[0]).toMatchObject({ status: "fail", summary: "1 secret in the frontend (values not shown)", evidence: ["assets/main.js:1 google-api-key"] });
    expect(r.stdout).not.toContain(key);
    rmSync(join(dir, "assets", "main.js"));
    expect((await verify(["--bundle", dir, "--checks", "secrets.bundle"])).doc.checks[0]).toMatchObject({ status: "pass", summary: "no secret in 1 frontend file" });
  });
});
