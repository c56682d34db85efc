// Which commit a failed deploy rolls back to. The deploy workflow tags each commit whose verify
// passed as verified/<stack>/<UTC time>-<short sha>; after a failed verify it re-deploys the
// newest such commit that is not the one that failed and lies in the failed commit's history (a
// tag on a commit main never had, pushed by hand or from a branch, is not trusted).

export const VERIFIED_PREFIX = "verified";

/** Pulumi's stack name characters; a tag name carries the stack, so nothing else gets in. */
export const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

export interface VerifiedTag {
  readonly tag: string;
  readonly stack: string;
  /** When verify passed, as the tag spells it: YYYYMMDDTHHMMSSZ (sorts as time). */
  readonly at: string;
  readonly commit: string;
}

export type RollbackTarget = { readonly commit: string; readonly tag: string; readonly skipped: readonly string[] } | { readonly none: string };

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");

export function verifiedTagName(stack: string, commit: string, at: Date): string {
  return `${VERIFIED_PREFIX}/${stack}/${stamp(at)}-${commit.slice(0, 12)}`;
}

export function parseVerifiedTag(tag: string, commit: string): VerifiedTag | undefined {
  const m = /^verified\/([A-Za-z0-9_.-]+)\/(\d{8}T\d{6}Z)-[0-9a-f]{7,40}$/.exec(tag);
  return m ? { tag, stack: m[1]!, at: m[2]!, commit } : undefined;
}

/**
 * The newest verified commit of `stack` other than `failed` that `failed` descends from.
 * `isAncestor(a, b)` answers whether a is in b's history (git merge-base --is-ancestor).
 */
export function pickRollbackTarget(opts: { stack: string; failed: string; tags: readonly VerifiedTag[]; isAncestor: (ancestor: string, of: string) => boolean }): RollbackTarget {
  const candidates = opts.tags.filter((t) => t.stack === opts.stack).sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  const skipped: string[] = [];
  for (const t of candidates) {
    if (t.commit === opts.failed) {
      skipped.push(`${t.tag}: the commit that failed`);
      continue;
    }
    if (!opts.isAncestor(t.commit, opts.failed)) {
      skipped.push(`${t.tag}: ${t.commit.slice(0, 12)} is not in the history of ${opts.failed.slice(0, 12)}`);
      continue;
    }
    return { commit: t.commit, tag: t.tag, skipped };
  }
  const why = candidates.length === 0 ? `no ${VERIFIED_PREFIX}/${opts.stack}/* tag exists yet (the first deploy that passes verify makes one)` : `none of the ${candidates.length} ${VERIFIED_PREFIX}/${opts.stack}/* tags is an earlier commit in this history (${skipped.join("; ")})`;
  return { none: why };
}
