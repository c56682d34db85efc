// The pack's entry point, what `pulumi preview --policy-pack policies` and a published pack load.
// In the repository it runs the TypeScript source (pack.ts) under the runner's own ts-node, so
// the gate is always the rules as they are now; the published tarball carries no source, only the
// bundle `npm pack` builds (build.mjs), with the shared code from lib/ inside it.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

require(existsSync(join(__dirname, "pack.ts")) ? "./pack.ts" : "./dist/pack.js");
