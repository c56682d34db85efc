import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { STACK_OUTPUTS_SECRET } from "../lib/plan/secret-outputs";
import { ZONE_RULES } from "../lib/zone/rules";
import { rules } from "./policies";
import type { LaunchPolicy, Reference } from "./rule";

// The rule catalogue: every rule's metadata and its level per environment, from the same objects
// the pack runs. `plan --rules` prints it, and `npm run docs` writes it into docs/gate.md.

export interface CatalogueEntry {
  readonly id: string;
  readonly kind: "resource" | "stack" | "plan" | "zone";
  readonly severity: string;
  readonly description: string;
  readonly remediation: string;
  readonly references: readonly Reference[];
  readonly runbook: string;
  readonly levels: Readonly<Record<"prod" | "staging" | "dev", string>>;
}

const ENVIRONMENTS = ["prod", "staging", "dev"] as const;

export function catalogue(): CatalogueEntry[] {
  const configs = Object.fromEntries(ENVIRONMENTS.map((e) => [e, resolvePolicyConfig(rules, `policies/config/${e}.json`)]));
  const entry = (p: LaunchPolicy): CatalogueEntry => ({
    id: p.name,
    kind: "validateStack" in p ? "stack" : "resource",
    severity: p.severity,
    description: p.description,
    remediation: p.remediationSteps,
    references: p.references,
    runbook: p.runbook,
    levels: Object.fromEntries(ENVIRONMENTS.map((e) => [e, configs[e].get(p.name)!.enforcementLevel])) as CatalogueEntry["levels"],
  });
  const zone = Object.values(ZONE_RULES).map((z): CatalogueEntry => ({ id: z.id, kind: "zone", severity: z.severity, description: z.description, remediation: z.remediation, references: z.references, runbook: z.runbook, levels: z.levels }));
  return [...rules.map(entry), { ...STACK_OUTPUTS_SECRET, kind: "plan", levels: { prod: "mandatory", staging: "mandatory", dev: "mandatory" } }, ...zone];
}

/** The rule table of docs/gate.md, generated from the catalogue; runbook links relative to docs/. */
export function catalogueTable(runbooks = "../runbooks"): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const refs = (rs: readonly Reference[]) => rs.map((r) => `[${r.id}](${r.url})`).join(", ");
  return [
    "| rule | kind | severity | checks | prod | staging | dev | references | runbook |",
    "|---|---|---|---|---|---|---|---|---|",
    ...catalogue().map((e) => `| \`${e.id}\` | ${e.kind} | ${e.severity} | ${cell(e.description)} | ${e.levels.prod} | ${e.levels.staging} | ${e.levels.dev} | ${refs(e.references)} | [${e.runbook}](${runbooks}/${e.runbook}.md) |`),
  ].join("\n");
}
