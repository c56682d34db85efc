import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { withoutSdkDiagnostics } from "../lib/plan/sdk-diagnostics";

// The plan switches off two SDK diagnostics for speed (see lib/plan/sdk-diagnostics.ts). Both hooks
// are SDK internals; this test fails when an SDK upgrade moves them, instead of the plan silently
// becoming four times slower at scale.
describe("withoutSdkDiagnostics", () => {
  it("switches off promise leak tracking and source positions on the pinned SDK", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable");
    const tracked = Promise.resolve(1);
    expect(debuggable.debuggablePromise(tracked, "before")).not.toBe(tracked);
    expect(withoutSdkDiagnostics()).toEqual(["promise-leak-tracking", "source-positions"]);
    const p = Promise.resolve(2);
    expect(debuggable.debuggablePromise(p, "after")).toBe(p);
    expect((pulumi.Resource as unknown as { stackTrace(skip: number): unknown[] }).stackTrace(0)).toEqual([]);
  });

  it("leaves resources registering and resolving on the mock engine", async () => {
    withoutSdkDiagnostics();
    await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: { ...a.inputs, computed: "from-engine" } }), call: (a) => a.inputs }, "launch-baseline", "test", false);
    class Thing extends pulumi.CustomResource {
      declare readonly computed: pulumi.Output<string>;
      constructor(name: string) {
        super("test:index:Thing", name, { size: 3, computed: undefined });
      }
    }
    const res = new Thing("thing");
    const value = (o: pulumi.Output<unknown>) => new Promise((done) => o.apply(done));
    expect(await value(res.id)).toBe("thing-id");
    expect(await value(res.computed)).toBe("from-engine");
  });
});
