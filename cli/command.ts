import { type Command, CommanderError } from "commander";

/**
 * Parses a command's arguments the way every launch-baseline command does: commander's own
 * messages on stderr, and exit code 2 for bad usage (0 for --help). Returns the options, or the
 * exit code when there is nothing to run.
 */
export function parseArgs<T>(cmd: Command, argv: string[]): { opts: T } | { exit: number } {
  cmd.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    cmd.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return { exit: e.exitCode === 0 ? 0 : 2 };
    throw e;
  }
  return { opts: cmd.opts<T & object>() as T };
}
