import type { Resolver } from "node:dns/promises";
import { isWithinZone } from "../dns/names";
import { takeoverService } from "./catalogues";

// A CNAME to a third-party service whose target no longer exists can be claimed by anyone who
// registers that name with the service: a subdomain takeover. Live DNS decides: NXDOMAIN for the
// target is dangling; an answer (or NODATA) means it still exists; anything else is unknown.

export type TargetState = "dangling" | "resolves" | "unknown";

export async function targetState(resolver: Resolver, target: string): Promise<{ state: TargetState; detail: string }> {
  try {
    await resolver.resolve4(target);
    return { state: "resolves", detail: "answers" };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND") return { state: "dangling", detail: "NXDOMAIN" };
    if (code === "ENODATA") return { state: "resolves", detail: "exists (no A record)" };
    return { state: "unknown", detail: `${code ?? "error"}: ${(e as Error).message}` };
  }
}

export interface DanglingCandidate {
  readonly name: string;
  readonly target: string;
  readonly service?: string;
  readonly at: string;
}

/** Every CNAME out of the zone: the takeover-prone ones are named by their service. */
export function cnamesOut(records: ReadonlyArray<{ name: string; type: string; content: string; at: string }>, apex: string): DanglingCandidate[] {
  return records
    .filter((r) => r.type === "CNAME" && !isWithinZone(r.content, apex))
    .map((r) => ({ name: r.name, target: r.content, service: takeoverService(r.content)?.name, at: r.at }));
}
