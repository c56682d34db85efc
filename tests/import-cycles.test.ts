import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-plan";

// No import cycles among the project's own modules. Type-only imports count: a cycle of types is
// still two files that cannot be understood apart. The walk uses TypeScript's own pre-processor, so
// import, export-from, import() and require() are all seen.

const ROOTS = ["components", "lib", "cli", "policies", "index.ts"];

function sources(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith(".ts") ? [path] : [];
  return readdirSync(path).filter((n) => n !== "node_modules").flatMap((n) => sources(join(path, n)));
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, "index.ts"), base].find((p) => existsSync(p) && statSync(p).isFile() && p.endsWith(".ts"));
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    graph.set(file, info.importedFiles.map((i) => resolveImport(file, i.fileName)).filter((p): p is string => !!p));
  }
  return graph;
}

/** Every cycle, each once, as the list of files around it (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next), low.set(v, next++), stack.push(v), onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) visit(w), low.set(v, Math.min(low.get(v)!, low.get(w)!));
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w), component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.reverse());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("import cycles", () => {
  it("there are none among components/, lib/, cli/, policies/ and index.ts", () => {
    const files = ROOTS.flatMap((r) => sources(join(ROOT, r)));
    expect(files.length).toBeGreaterThan(100);
    const found = cycles(importGraph(files)).map((c) => c.map((f) => relative(ROOT, f)).join(" -> "));
    expect(found).toEqual([]);
  });

  it("the walk finds a cycle through a type-only import, an export-from and a require", () => {
    const graph = importGraph([join(ROOT, "tests/fixtures/import-cycle/a.ts"), join(ROOT, "tests/fixtures/import-cycle/b.ts"), join(ROOT, "tests/fixtures/import-cycle/c.ts"), join(ROOT, "tests/fixtures/import-cycle/d.ts")]);
    expect(cycles(graph).map((c) => c.map((f) => relative(join(ROOT, "tests/fixtures/import-cycle"), f)).sort())).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
