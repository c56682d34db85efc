import { readFileSync, writeFileSync } from "node:fs";
import { isScalar, parseDocument, type Scalar, type YAMLMap } from "yaml";
import { PROJECT } from "../config/keys";
import { stackFilePath } from "../config/stack-file";
import type { ZoneImport } from "./review";

/**
 * Writes the imports into the stack file as launch-baseline:adopt, keeping its comments. The
 * team runs `pulumi up` once with it (preview shows `= import`), then removes the key.
 */
export function writeAdopt(stacksDir: string, stack: string, imports: readonly ZoneImport[]): string {
  const path = stackFilePath(stacksDir, stack);
  const doc = parseDocument(readFileSync(path, "utf8"));
  const key = ["config", `${PROJECT}:adopt`];
  if (imports.length === 0) doc.deleteIn(key);
  else {
    doc.setIn(key, Object.fromEntries(imports.map((i) => [i.resource, i.id])));
    const config = doc.get("config") as YAMLMap;
    const pair = config.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === key[1])!;
    const label = doc.createNode(key[1]) as Scalar;
    label.commentBefore = " Existing records and rulesets to import, written by plan --existing-zone --write-adopt.\n Run pulumi up once with it (preview shows = import), then remove this key.";
    pair.key = label;
  }
  writeFileSync(path, doc.toString());
  return path;
}
