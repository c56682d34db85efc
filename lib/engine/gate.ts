import { resolvePolicyConfig } from "../plan/policy-config";
import type { CapturedResource } from "../plan/types";
import type { AnalyzerDiagnostic, PolicyPackProcess } from "./analyzer";

// The gate as `pulumi preview --policy-pack DIR --policy-pack-config FILE` runs it: the config
// reconciled against the schemas the pack itself reports (defaults filled, settings checked),
// Configure, Analyze for each resource with its inputs in wire form, then AnalyzeStack.

export interface AnalyzerVerdict {
  readonly policy: string;
  readonly enforcementLevel: string;
  /** The resource the finding is about; null for a stack-wide finding. */
  readonly urn: string | null;
  /** The rule's own message, without the description the SDK puts before it. */
  readonly message: string;
  /** The rule touched a value known only after deploy: the SDK's "can't run … during preview". */
  readonly undecided: boolean;
}

const PREVIEW = /^can't run policy '[^']+' from policy pack '[^']+' during preview: /;

function verdict(d: AnalyzerDiagnostic, urn: string | null): AnalyzerVerdict {
  const undecided = PREVIEW.test(d.message);
  const message = undecided ? d.message.replace(PREVIEW, "") : d.message.startsWith(`${d.description}\n`) ? d.message.slice(d.description.length + 1) : d.message;
  return { policy: d.policy, enforcementLevel: d.enforcementLevel, urn: d.urn || urn, message, undecided };
}

/** Policies judge the program's own resources: providers and components only as context. */
const judged = (r: CapturedResource) => r.custom && !r.type.startsWith("pulumi:providers:");

export async function analyzeOverGrpc(pack: PolicyPackProcess, resources: readonly CapturedResource[], policyConfigPath: string | undefined): Promise<AnalyzerVerdict[]> {
  const info = await pack.info();
  await pack.configure(resolvePolicyConfig(info.policies, policyConfigPath));
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const custom = resources.filter(judged);
  const perResource = await Promise.all(custom.map(async (r) => (await pack.analyze(r, r.provider ? byUrn.get(r.provider) : undefined)).map((d) => verdict(d, r.urn))));
  const stack = (await pack.analyzeStack(custom, byUrn)).map((d) => verdict(d, null));
  return [...perResource.flat(), ...stack];
}
