import * as pulumi from "@pulumi/pulumi";

// Two diagnostics of the Pulumi SDK exist to explain a failed `pulumi up` to a person reading the
// CLI's output: a leak tracker around every promise the SDK makes (an Error with its stack, three
// properties and two more promises each, kept in a set until settled) and each resource's source
// position (an unbounded stack trace, parsed line by line). The offline plan reports neither; at
// 10,000 resources they take about half of the plan's time and a third of its memory (`npm run
// bench`). The program itself is untouched: the same code runs under `pulumi up` with both on.

interface DebuggableModule {
  debuggablePromise?: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
}

/** What was switched off; empty when a future SDK no longer has the hook (the plan still works). */
export type SwitchedOff = Array<"promise-leak-tracking" | "source-positions">;

/** Switches both off for this process. Call before the program constructs its first resource. */
export function withoutSdkDiagnostics(): SwitchedOff {
  const done: SwitchedOff = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const debuggable: DebuggableModule = require("@pulumi/pulumi/runtime/debuggable");
  // The SDK's modules call it through the module object, so replacing the export reaches them all.
  if (typeof debuggable.debuggablePromise === "function") {
    debuggable.debuggablePromise = (p) => p;
    done.push("promise-leak-tracking");
  }
  const resource = pulumi.Resource as unknown as { stackTrace?: (skip: number) => unknown[] };
  if (typeof resource.stackTrace === "function") {
    resource.stackTrace = () => [];
    done.push("source-positions");
  }
  return done;
}
