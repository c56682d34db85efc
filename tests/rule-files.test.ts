import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_RULES, NAMED_RULES } from "../lib/secrets/rules";

// One rule a file, each listed by hand in its folder's index.ts: a file left out of the list
// would be a rule that never runs, with its family test still passing on nothing. Every rule a
// file exports must be one the detector runs.

const registered = new Set<unknown>([...FORMAT_RULES, ...NAMED_RULES]);

describe.each(["providers", "contexts"])("lib/secrets/rules/%s", (folder) => {
  const dir = join(__dirname, "..", "lib", "secrets", "rules", folder);
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts");

  it.each(files)("%s exports rules the detector runs", async (file) => {
    const exported = Object.values((await import(join(dir, file))) as Record<string, unknown>).filter((v) => typeof v === "object" && v !== null && "id" in v);
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.filter((r) => !registered.has(r)).map((r) => (r as { id: string }).id)).toEqual([]);
  });
});
