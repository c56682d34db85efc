import { spawnSync } from "node:child_process";
import { UsageError } from "../config/stack-file";
import { VERIFIED_PREFIX, parseVerifiedTag, type VerifiedTag } from "./rollback-target";

// The few git questions the rollback asks, answered by the git binary in a checkout.

function git(cwd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.error) throw new UsageError(`git could not run in ${cwd}: ${r.error.message}. Fix: install git and run from a checkout.`);
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** The full commit id of a revision, or a UsageError naming it. */
export function resolveCommit(cwd: string, rev: string): string {
  const r = git(cwd, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (r.status !== 0) throw new UsageError(`${rev} is not a commit in ${cwd}. Fix: pass the failed deploy's commit (the workflow's github.sha) from a checkout with full history.`);
  return r.stdout.trim();
}

/** Tags under verified/<stack>/, each with the commit it points at (annotated or not). */
export function verifiedTags(cwd: string, stack: string): VerifiedTag[] {
  const r = git(cwd, ["for-each-ref", "--format=%(refname:strip=2) %(objectname) %(*objectname)", `refs/tags/${VERIFIED_PREFIX}/${stack}/`]);
  if (r.status !== 0) throw new UsageError(`git for-each-ref failed in ${cwd}: ${r.stderr.trim()}. Fix: run from a checkout of the repository.`);
  return r.stdout.split("\n").filter(Boolean).flatMap((line) => {
    const [tag, object, peeled] = line.split(" ");
    const t = parseVerifiedTag(tag!, peeled || object!);
    return t ? [t] : [];
  });
}

export function isAncestor(cwd: string, ancestor: string, of: string): boolean {
  return git(cwd, ["merge-base", "--is-ancestor", ancestor, of]).status === 0;
}

/** A shallow clone cannot say what is in a commit's history. */
export function assertFullHistory(cwd: string): void {
  if (git(cwd, ["rev-parse", "--is-shallow-repository"]).stdout.trim() === "true") throw new UsageError(`${cwd} is a shallow clone, so the history the rollback needs is missing. Fix: actions/checkout with fetch-depth: 0 (or git fetch --unshallow --tags).`);
}
