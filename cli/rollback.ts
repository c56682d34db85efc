import { Command } from "commander";
import { UsageError } from "../lib/config/stack-file";
import { assertFullHistory, isAncestor, resolveCommit, verifiedTags } from "../lib/pipeline/git";
import { STACK_NAME, pickRollbackTarget, verifiedTagName } from "../lib/pipeline/rollback-target";
import { parseArgs } from "./command";

// `npm run rollback -- tag|target`: the deploy workflow's two rollback questions. `tag` names the
// tag that records a verified commit; `target` picks the commit to re-deploy after a failed
// verify and prints it as GITHUB_OUTPUT lines (commit=…, tag=…). Exit 0 found, 1 nothing to roll
// back to (the runbook says what then), 2 bad input.

const RUNBOOK = "runbooks/failed-deploy.md";

interface Options {
  stack: string;
  repo: string;
}

function stackOf(opts: Options): string {
  if (!STACK_NAME.test(opts.stack)) throw new UsageError(`--stack ${JSON.stringify(opts.stack)} is not a stack name. Fix: letters, digits, ".", "_" or "-", as in --stack prod.`);
  return opts.stack;
}

export function main(argv: string[]): number {
  const [sub, ...rest] = argv;
  const base = (name: string, description: string) =>
    new Command(`rollback ${name}`).description(description).requiredOption("-s, --stack <name>", "the stack the deploy was for").option("--repo <dir>", "the checkout to ask", ".");
  try {
    if (sub === "tag") {
      const parsed = parseArgs<Options & { commit: string }>(base("tag", "Print the tag that records a verified commit: verified/<stack>/<UTC time>-<sha>.").requiredOption("--commit <rev>", "the commit whose verify passed"), rest);
      if ("exit" in parsed) return parsed.exit;
      const stack = stackOf(parsed.opts);
      process.stdout.write(`${verifiedTagName(stack, resolveCommit(parsed.opts.repo, parsed.opts.commit), new Date())}\n`);
      return 0;
    }
    if (sub === "target") {
      const parsed = parseArgs<Options & { failed: string }>(base("target", "Pick the commit to re-deploy after a failed verify: the newest verified one before it.").requiredOption("--failed <rev>", "the commit whose deploy failed verify"), rest);
      if ("exit" in parsed) return parsed.exit;
      const { repo } = parsed.opts;
      const stack = stackOf(parsed.opts);
      assertFullHistory(repo);
      const failed = resolveCommit(repo, parsed.opts.failed);
      const pick = pickRollbackTarget({ stack, failed, tags: verifiedTags(repo, stack), isAncestor: (a, b) => isAncestor(repo, a, b) });
      if ("none" in pick) {
        process.stderr.write(`no rollback target for ${stack}: ${pick.none}. Follow ${RUNBOOK}.\n`);
        return 1;
      }
      for (const s of pick.skipped) process.stderr.write(`skipped ${s}\n`);
      process.stdout.write(`commit=${pick.commit}\ntag=${pick.tag}\n`);
      return 0;
    }
    process.stderr.write(`error: say what to do: tag or target (got ${sub === undefined ? "nothing" : JSON.stringify(sub)}). Fix: npm run rollback -- target --stack prod --failed <sha>.\n`);
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
