import { spawnSync } from "node:child_process";

/** Runs git on a bare git directory (a rule set's clone) and returns its output; throws with git's own message. */
export function gitIn(dir: string, ...args: string[]): string {
  const r = spawnSync("git", ["--git-dir", dir, ...args], { encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} in ${dir}: ${r.stderr.trim()}`);
  return r.stdout;
}
