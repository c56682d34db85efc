import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseVerifiedTag, pickRollbackTarget, verifiedTagName, type VerifiedTag } from "../lib/pipeline/rollback-target";
import { runCli } from "./helpers/run-plan";

// The rollback target: picked from real git tags in a real repository, the way rollback.yml asks.

const rollback = (args: string[]) => runCli("rollback", args);

describe("the verified tag", () => {
  it("names the stack, the UTC time and the commit, and reads back", () => {
    const commit = "0123456789abcdef0123456789abcdef01234567";
    const tag = verifiedTagName("prod", commit, new Date("2026-12-05T01:02:03.456Z"));
    expect(tag).toBe("verified/prod/20261205T010203Z-0123456789ab");
    expect(parseVerifiedTag(tag, commit)).toEqual({ tag, stack: "prod", at: "20261205T010203Z", commit });
    expect(parseVerifiedTag("verified/prod/yesterday", commit)).toBeUndefined();
    expect(parseVerifiedTag("v1.0.0", commit)).toBeUndefined();
  });
});

describe("pickRollbackTarget", () => {
  const tag = (stack: string, at: string, commit: string): VerifiedTag => ({ tag: `verified/${stack}/${at}-${commit}`, stack, at, commit });
  const history = ["c1", "c2", "c3", "c4"];
  const isAncestor = (a: string, b: string) => history.includes(a) && history.indexOf(a) <= history.indexOf(b);

  it("takes the newest verified commit of the stack before the failed one", () => {
    const tags = [tag("prod", "20261201T000000Z", "c1"), tag("prod", "20261203T000000Z", "c2"), tag("staging", "20261204T000000Z", "c3")];
    expect(pickRollbackTarget({ stack: "prod", failed: "c4", tags, isAncestor })).toEqual({ commit: "c2", tag: "verified/prod/20261203T000000Z-c2", skipped: [] });
  });

  it("skips the failed commit itself and commits outside its history, saying why", () => {
    const tags = [tag("prod", "20261201T000000Z", "c1"), tag("prod", "20261203T000000Z", "elsewhere"), tag("prod", "20261204T000000Z", "c4")];
    expect(pickRollbackTarget({ stack: "prod", failed: "c4", tags, isAncestor })).toEqual({
      commit: "c1",
      tag: "verified/prod/20261201T000000Z-c1",
      skipped: ["verified/prod/20261204T000000Z-c4: the commit that failed", "verified/prod/20261203T000000Z-elsewhere: elsewhere is not in the history of c4"],
    });
  });

  it("has none when nothing was ever verified", () => {
    expect(pickRollbackTarget({ stack: "prod", failed: "c4", tags: [tag("staging", "20261201T000000Z", "c1")], isAncestor })).toEqual({ none: "no verified/prod/* tag exists yet (the first deploy that passes verify makes one)" });
  });
});

describe("npm run rollback against a git repository", () => {
  let repo: string;
  const commits: string[] = [];
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "lb-rollback-"));
    git("init", "-q", "-b", "main");
    git("config", "user.email", "deploy@example.invalid");
    git("config", "user.name", "deploy");
    for (const n of [1, 2, 3, 4]) {
      writeFileSync(join(repo, "change.txt"), `${n}\n`);
      git("add", "change.txt");
      git("commit", "-qm", `change ${n}`);
      commits.push(git("rev-parse", "HEAD"));
    }
    git("tag", `verified/prod/20261201T000000Z-${commits[0]!.slice(0, 12)}`, commits[0]!);
    // An annotated tag, as someone tagging by hand makes: it still points at its commit.
    git("tag", "-a", "-m", "verified by hand", `verified/prod/20261202T000000Z-${commits[1]!.slice(0, 12)}`, commits[1]!);
    git("tag", `verified/staging/20261203T000000Z-${commits[2]!.slice(0, 12)}`, commits[2]!);
    // A verified commit on a branch main never merged must not be a rollback target.
    git("checkout", "-q", "-b", "experiment", commits[1]!);
    writeFileSync(join(repo, "change.txt"), "experiment\n");
    git("commit", "-qam", "experiment");
    git("tag", `verified/prod/20261204T000000Z-${git("rev-parse", "HEAD").slice(0, 12)}`);
    git("checkout", "-q", "main");
  });

  it("prints the target as GITHUB_OUTPUT lines and says what it skipped", async () => {
    const r = await rollback(["target", "--stack", "prod", "--failed", commits[3]!, "--repo", repo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`commit=${commits[1]}\ntag=verified/prod/20261202T000000Z-${commits[1]!.slice(0, 12)}\n`);
    expect(r.stderr).toMatch(/^skipped verified\/prod\/20261204T000000Z-[0-9a-f]{12}: [0-9a-f]{12} is not in the history of [0-9a-f]{12}\n$/);
  });

  it("rolls staging back to staging's own verified commit", async () => {
    const r = await rollback(["target", "--stack", "staging", "--failed", "HEAD", "--repo", repo]);
    expect(r.stdout).toBe(`commit=${commits[2]}\ntag=verified/staging/20261203T000000Z-${commits[2]!.slice(0, 12)}\n`);
  });

  it("exits 1 with the runbook when there is nothing to roll back to", async () => {
    const r = await rollback(["target", "--stack", "dev", "--failed", "HEAD", "--repo", repo]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("no rollback target for dev: no verified/dev/* tag exists yet (the first deploy that passes verify makes one). Follow runbooks/failed-deploy.md.\n");
  });

  it("names the tag for a verified commit, and that tag is found next time", async () => {
    const r = await rollback(["tag", "--stack", "prod", "--commit", "HEAD", "--repo", repo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^verified/prod/\\d{8}T\\d{6}Z-${commits[3]!.slice(0, 12)}\\n$`));
    git("tag", r.stdout.trim(), commits[3]!);
    const after = await rollback(["target", "--stack", "prod", "--failed", commits[3]!, "--repo", repo]);
    expect(after.stdout).toContain(`commit=${commits[1]}\n`);
    expect(after.stderr).toContain(": the commit that failed\n");
    git("tag", "-d", r.stdout.trim());
  });

  it("refuses bad input with exit 2 and one line", async () => {
    const cases: Array<[string[], string]> = [
      [["target", "--stack", "prod;rm", "--failed", "HEAD", "--repo", repo], 'error: --stack "prod;rm" is not a stack name. Fix: letters, digits, ".", "_" or "-", as in --stack prod.\n'],
      [["target", "--stack", "prod", "--failed", "no-such-commit", "--repo", repo], `error: no-such-commit is not a commit in ${repo}. Fix: pass the failed deploy's commit (the workflow's github.sha) from a checkout with full history.\n`],
      [["undo", "--stack", "prod"], 'error: say what to do: tag or target (got "undo"). Fix: npm run rollback -- target --stack prod --failed <sha>.\n'],
    ];
    for (const [args, message] of cases) {
      const r = await rollback(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(message);
    }
  });

  it("refuses a shallow clone, whose history cannot answer", async () => {
    const shallow = mkdtempSync(join(tmpdir(), "lb-rollback-shallow-"));
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, shallow]);
    const r = await rollback(["target", "--stack", "prod", "--failed", "HEAD", "--repo", shallow]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${shallow} is a shallow clone, so the history the rollback needs is missing. Fix: actions/checkout with fetch-depth: 0 (or git fetch --unshallow --tags).\n`);
  });
});
