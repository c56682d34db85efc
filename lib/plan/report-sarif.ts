import { createHash } from "node:crypto";
import { catalogue } from "../../policies/catalogue";
import type { Violation } from "./types";

// SARIF 2.1.0 for code scanning: one run, the rule catalogue as the driver's rules, one result a
// finding with a fingerprint that stays the same while the finding does (rule, resource, and the
// message with numbers taken out, so a changed threshold is still the same alert).

const SEVERITY_SCORE: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

export interface SarifInput {
  readonly project: string;
  readonly stack: string;
  readonly version: string;
  readonly violations: readonly Violation[];
  /** Where the findings come from, as a repository-relative path (the stack file). */
  readonly artifact: string;
}

export function fingerprint(v: Violation): string {
  return createHash("sha256").update(`${v.policy}\n${v.urn ?? "stack"}\n${v.message.replace(/\d+/g, "#")}`).digest("hex").slice(0, 32);
}

export function sarifReport(input: SarifInput) {
  const entries = catalogue();
  const index = new Map(entries.map((e, i) => [e.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0" as const,
    runs: [
      {
        tool: {
          driver: {
            name: "launch-baseline",
            version: input.version,
            rules: entries.map((e) => ({
              id: e.id,
              name: e.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: e.description },
              fullDescription: { text: e.description },
              help: { text: e.remediation, markdown: `${e.remediation}\n\nRunbook: runbooks/${e.runbook}.md` },
              defaultConfiguration: { level: e.levels.prod === "mandatory" ? "error" : "warning" },
              properties: { tags: ["security", ...e.references.map((r) => r.id)], "security-severity": SEVERITY_SCORE[e.severity] ?? "5.0", precision: "high" },
            })),
          },
        },
        automationDetails: { id: `${input.project}/${input.stack}/` },
        results: input.violations.map((v) => ({
          ruleId: v.policy,
          ...(index.has(v.policy) ? { ruleIndex: index.get(v.policy)! } : {}),
          level: v.undecided || v.suppressed ? "note" : v.enforcementLevel === "mandatory" ? "error" : "warning",
          message: { text: `${v.message}${v.urn ? ` (${v.urn})` : ""}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: input.artifact } },
              logicalLocations: [{ fullyQualifiedName: v.urn ?? `${input.project}/${input.stack}`, kind: v.urn ? "resource" : "module" }],
            },
          ],
          partialFingerprints: { "launchBaselineFinding/v1": fingerprint(v) },
          ...(v.suppressed ? { suppressions: [{ kind: "external", justification: v.message }] } : {}),
        })),
      },
    ],
  };
}
