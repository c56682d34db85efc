import type { ZoneResult } from "./plan-zone";
import { describe } from "./review";
import type { CleanupItem } from "./cleanup";

// The existing zone in the plan's reports: what is adopted, what is left alone, and the clean-up
// list. The findings themselves are in the policy section with every other finding.

export function zoneText(z: ZoneResult): string[] {
  const out = ["", `Existing zone (${z.sources.join(", ")}):`];
  out.push(`    Adopted by import (${z.imports.length}):`);
  for (const i of z.imports) out.push(`      = ${i.type} ${i.resource}  ${i.id}  ${i.what}  (${i.at})${i.inConfig ? "" : "  [not yet in launch-baseline:adopt: run again with --write-adopt]"}`);
  out.push(`    Left alone (${z.leftAlone.length + z.rulesetsLeftAlone.length}):`);
  for (const r of z.leftAlone) out.push(`      ${describe(r)}${r.proxied ? " (proxied)" : ""}  (${r.at})`);
  for (const r of z.rulesetsLeftAlone) out.push(`      ruleset ${r.phase} "${r.name}" (${r.kind})  (${r.at})`);
  if (z.unknown.length) out.push(`    Record types this plan does not read (${z.unknown.length}), not compared:`, ...z.unknown.map((u) => `      ${u.type} ${u.name}  (${u.at})`));
  if (z.notCompared.length) out.push(`    Planned records known only after deploy, not compared: ${z.notCompared.join(", ")}`);
  out.push("", ...cleanupLines(z));
  return out;
}

export function cleanupSections(z: ZoneResult): Array<{ title: string; items: readonly CleanupItem[] }> {
  const c = z.cleanup;
  return [
    { title: "Duplicates", items: c.duplicates },
    { title: c.dangling.checked ? "Dangling CNAMEs (live DNS)" : "CNAMEs to takeover-prone services (not checked: no --dns-server)", items: c.dangling.items },
    { title: "Wildcards", items: c.wildcards },
    { title: "Records exposing the origin", items: c.exposingOrigin },
    { title: "Stale verification records", items: c.staleVerification },
  ];
}

function cleanupLines(z: ZoneResult): string[] {
  const out = ["Clean-up list (records the stack leaves alone):"];
  for (const s of cleanupSections(z)) {
    out.push(`    ${s.title}: ${s.items.length ? "" : "none"}`.trimEnd());
    for (const i of s.items) out.push(`      ${i.record}  (${i.at})`, `          ${i.why}`);
  }
  out.push(`    Takeover fingerprints: ${z.cleanup.takeoverData.source.split(",")[0]}, as of ${z.cleanup.takeoverData.date}.`);
  return out;
}

/** The `existingZone` member of `plan --json`. */
export function zoneJson(z: ZoneResult) {
  return {
    sources: z.sources,
    imports: z.imports,
    leftAlone: z.leftAlone,
    rulesetsLeftAlone: z.rulesetsLeftAlone,
    unknownTypes: z.unknown,
    notCompared: z.notCompared,
    cleanup: z.cleanup,
  };
}
