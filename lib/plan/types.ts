/** A resource as the program registered it, inputs in the engine's wire form. */
export interface CapturedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent: string | null;
  readonly provider: string | null;
  readonly dependencies: readonly string[];
  /** The id the resource is imported from (the `import` option), when it adopts an existing one. */
  readonly importId?: string;
  /** Serialized inputs: secrets wrapped in the SDK's signature object, unknowns as its sentinel. */
  readonly inputs: Record<string, unknown>;
}

export interface Violation {
  readonly policy: string;
  readonly enforcementLevel: "advisory" | "mandatory";
  readonly severity: string | null;
  readonly urn: string | null;
  readonly message: string;
  /** True when the rule could not decide because a value is only known after deploy. */
  readonly undecided?: boolean;
  /** True when a suppression in the policy config holds for this finding. */
  readonly suppressed?: boolean;
}

export interface ProgramRun {
  readonly resources: readonly CapturedResource[];
  /** Serialized stack outputs, same wire form as inputs. */
  readonly outputs: Record<string, unknown>;
}
