// Loads the project's TypeScript for our own commands (plan, docs, bench). sucrase strips the
// types (tsc checks them, in CI), and each result is cached on disk under node_modules/.cache
// by content hash, so a plan spends its time planning rather than transpiling the same files.
// Plain JavaScript, because it must load before anything can be transpiled.
"use strict";
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { addHook } = require("pirates");

const CACHE = join(__dirname, "..", "node_modules", ".cache", "launch-baseline-ts");
const SALT = `sucrase@${require("sucrase/package.json").version}:imports,typescript`;
// sucrase itself loads only on a cache miss: most runs find every file cached, and a command
// that answers in half a second should not spend a tenth of it loading a transpiler it never calls.
let transform;

addHook(
  (code, filename) => {
    const key = createHash("sha1").update(SALT).update(filename).update(code).digest("hex");
    const cached = join(CACHE, `${key}.js`);
    try {
      return readFileSync(cached, "utf8");
    } catch {
      // not cached yet
    }
    transform ??= require("sucrase").transform;
    const out = transform(code, { transforms: ["imports", "typescript"], filePath: filename, sourceMapOptions: { compiledFilename: filename } });
    const result = `${out.code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(out.sourceMap)).toString("base64")}`;
    try {
      mkdirSync(CACHE, { recursive: true });
      // Write then rename, so a concurrent plan never reads half a file.
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, result);
      renameSync(tmp, cached);
    } catch {
      // a read-only tree still works, just without the cache
    }
    return result;
  },
  { exts: [".ts"], ignoreNodeModules: true },
);
