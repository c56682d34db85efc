import type { Resolver } from "node:dns/promises";
import { UsageError } from "../config/stack-file";
import type { LaunchConfig } from "../config/parse";
import type { CapturedResource, Violation } from "../plan/types";
import { cleanupReport, type CleanupReport } from "./cleanup";
import type { ExistingRecord, ExistingRuleset, ExistingZone, UnknownRecord } from "./model";
import { plannedRecords, plannedRulesets } from "./planned";
import { reviewZone, type ZoneImport } from "./review";

// A plan of a live zone: the planned resources joined with the zone as it is, before the gate.

export interface ZoneResult {
  readonly sources: readonly string[];
  readonly findings: readonly Violation[];
  /** Each with whether launch-baseline:adopt already carries it (then preview shows `= import`). */
  readonly imports: ReadonlyArray<ZoneImport & { readonly inConfig: boolean }>;
  readonly leftAlone: readonly ExistingRecord[];
  readonly rulesetsLeftAlone: readonly ExistingRuleset[];
  readonly unknown: readonly UnknownRecord[];
  /** Planned records whose name or value is known only after deploy: not compared. */
  readonly notCompared: readonly string[];
  readonly cleanup: CleanupReport;
}

export async function planZone(resources: readonly CapturedResource[], config: LaunchConfig, existing: ExistingZone, resolver?: Resolver): Promise<ZoneResult> {
  const zoneId = config.cloudflareZoneId;
  const { records, unknownNames } = plannedRecords(resources, zoneId, config.domain);
  const origins = config.hosts.map((h) => h.origin.toLowerCase());
  const review = reviewZone({
    zoneId,
    apex: config.domain,
    environment: config.environment,
    planned: records,
    rulesets: plannedRulesets(resources, zoneId),
    existing,
    senderProfiles: (config.email?.senders ?? []).map((s) => s.provider),
    origins,
  });
  const byName = new Map(resources.map((r) => [r.name, r]));
  return {
    sources: existing.sources,
    findings: review.findings,
    imports: review.imports.map((i) => ({ ...i, inConfig: byName.get(i.resource)?.importId === i.id })),
    leftAlone: review.leftAlone,
    rulesetsLeftAlone: review.existingRulesetsLeftAlone,
    unknown: existing.unknown,
    notCompared: unknownNames,
    cleanup: await cleanupReport(review.leftAlone, { apex: config.domain, origins, resolver }),
  };
}

/** An adoption entry that names no record or ruleset of the program is left over from an old plan. */
export function checkAdoptNames(resources: readonly CapturedResource[], adopt: Readonly<Record<string, string>>): void {
  const names = new Set(resources.filter((r) => r.importId).map((r) => r.name));
  const stale = Object.keys(adopt).filter((n) => !names.has(n));
  if (stale.length) throw new UsageError(`launch-baseline:adopt names ${stale.join(", ")}, which the program does not create as a Cloudflare record or ruleset. Fix: remove ${stale.length === 1 ? "it" : "them"}; plan --existing-zone <export> --write-adopt writes the current list.`);
}
