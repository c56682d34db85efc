import type { Policy, PolicyResource, ReportViolation, ResourceValidationArgs, StackValidationPolicy, ResourceValidationPolicy } from "@pulumi/policy";
import type { ResolvedPolicyConfig } from "./policy-config";
import type { CapturedResource, Violation } from "./types";
import { SECRET_SIG, SIG } from "./wire";

// The SDK's own preview semantics: the same proxy that throws on a value unknown until deploy,
// which the CLI turns into an advisory "can't run policy during preview".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy<T extends object>(o: T): T;
  UnknownValueError: new (...a: unknown[]) => Error;
};

class NotApplicable extends Error {}

/** Secrets unwrapped (policies see plaintext, as in the CLI); unknown sentinels kept for the proxy. */
function policyProps(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(policyProps);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o[SIG] === SECRET_SIG) return policyProps(o.value);
    if (o[SIG]) return o;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, policyProps(x)]));
  }
  return v;
}

/** Resource options as the analyzer passes them; the mock engine does not record the rest. */
const optionsOf = (r: CapturedResource) => ({ protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [], parent: r.parent ?? undefined });

const isTypeOf = (type: string, cls: unknown) => (cls as { __pulumiType?: string }).__pulumiType === type;

/** Evaluates resource and stack policies against captured resources, in order, like the analyzer. */
export async function evaluatePolicies(policies: readonly Policy[], resources: readonly CapturedResource[], config: ReadonlyMap<string, ResolvedPolicyConfig>): Promise<Violation[]> {
  const violations: Violation[] = [];
  const custom = resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  // Each resource's props are unwrapped and proxied once, then shared by every rule (read-only).
  const propsCache = new Map<string, Record<string, unknown>>();
  const propsOf = (r: CapturedResource) => {
    let p = propsCache.get(r.urn);
    if (!p) propsCache.set(r.urn, (p = unknownCheckingProxy(policyProps(r.inputs) as object) as Record<string, unknown>));
    return p;
  };
  const providerOf = (r: CapturedResource) => {
    const p = r.provider ? byUrn.get(r.provider) : undefined;
    return p ? { type: p.type, urn: p.urn, name: p.name, props: propsOf(p) } : undefined;
  };
  /** What resource and stack rules both see of a resource; made once per resource, read-only. */
  const views = new Map<string, ReturnType<typeof makeView>>();
  const viewOf = (r: CapturedResource) => {
    let v = views.get(r.urn);
    if (!v) views.set(r.urn, (v = makeView(r)));
    return v;
  };
  const makeView = (r: CapturedResource) => {
    const props = propsOf(r);
    return {
      type: r.type,
      props,
      urn: r.urn,
      name: r.name,
      opts: optionsOf(r),
      provider: providerOf(r),
      isType: (cls: unknown) => isTypeOf(r.type, cls),
      // One function serves both signatures: the SDK's two asType types differ only in typing.
      asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"] & ResourceValidationArgs["asType"],
    };
  };
  let stackResources: Map<string, PolicyResource> | undefined;
  const policyResourcesOf = () => {
    if (stackResources) return stackResources;
    stackResources = new Map<string, PolicyResource>();
    for (const r of custom) {
      stackResources.set(r.urn, { ...viewOf(r), dependencies: [], propertyDependencies: {} });
    }
    for (const r of custom) {
      const pr = stackResources.get(r.urn)!;
      (pr as { dependencies: PolicyResource[] }).dependencies = r.dependencies.map((d) => stackResources!.get(d)).filter((d): d is PolicyResource => !!d);
      if (r.parent && stackResources.has(r.parent)) (pr as { parent?: PolicyResource }).parent = stackResources.get(r.parent);
    }
    return stackResources;
  };

  for (const policy of policies) {
    const resolved = config.get(policy.name);
    let level = resolved?.enforcementLevel ?? policy.enforcementLevel ?? "advisory";
    if (level === "disabled") continue;
    if (level === "remediate") level = "mandatory";
    const enforcementLevel = level;
    const getConfig = <T extends object>() => ({ ...(resolved?.settings ?? {}) }) as T;
    const notApplicable = (reason?: string): never => {
      throw new NotApplicable(reason);
    };
    /** Runs one validation; waits only when the rule itself is async, as most are not. */
    const guard = (urn: string | null, run: (report: ReportViolation) => unknown): Promise<void> | void => {
      // As the SDK does: a string message, or an object that may lower the level (suppressions).
      const report: ReportViolation = (message, reportedUrn) => {
        if (typeof message === "string") return void violations.push({ policy: policy.name, enforcementLevel, severity: policy.severity ?? null, urn: reportedUrn ?? urn, message });
        const m = message as { message?: string; enforcementLevel?: string; urn?: string; suppressed?: boolean };
        // As the SDK: the object's own level wins (suppressions lower it, a production finding raises it).
        violations.push({ policy: policy.name, enforcementLevel: m.enforcementLevel === "advisory" || m.enforcementLevel === "mandatory" ? m.enforcementLevel : enforcementLevel, severity: policy.severity ?? null, urn: m.urn ?? reportedUrn ?? urn, message: m.message ?? policy.description, ...(m.suppressed ? { suppressed: true } : {}) });
      };
      const failed = (e: unknown) => {
        if (e instanceof UnknownValueError) {
          violations.push({ policy: policy.name, enforcementLevel: "advisory", severity: policy.severity ?? null, urn, message: `could not decide during the offline plan: ${e.message}; it is checked again at deploy time.`, undecided: true });
        } else if (!(e instanceof NotApplicable)) {
          throw new Error(`policy ${policy.name} failed on ${urn ?? "the stack"}: ${(e as Error).message}`);
        }
      };
      try {
        const out = run(report);
        if (out instanceof Promise) return out.then(() => undefined, failed);
      } catch (e) {
        failed(e);
      }
    };

    const validations = (policy as ResourceValidationPolicy).validateResource;
    if (validations) {
      for (const r of custom) {
        for (const validate of Array.isArray(validations) ? validations : [validations]) {
          // As the analyzer does: a typed validation is not even called for other types.
          const typed = (validate as { __pulumiType?: string }).__pulumiType;
          if (typed && typed !== r.type) continue;
          // A literal, not a spread of the view: spreading here made 10,000 resources 2.4 times slower.
          const v = viewOf(r);
          const args: ResourceValidationArgs = { type: v.type, props: v.props, urn: v.urn, name: v.name, opts: v.opts, provider: v.provider, isType: v.isType, asType: v.asType, stackTags: new Map(), getConfig, notApplicable };
          await guard(r.urn, (report) => validate(args, report));
        }
      }
    }

    const validateStack = (policy as StackValidationPolicy).validateStack;
    if (validateStack) {
      const policyResources = policyResourcesOf();
      await guard(null, (report) => validateStack({ resources: [...policyResources.values()], getConfig, notApplicable, stackTags: new Map() }, report));
    }
  }
  return violations;
}
