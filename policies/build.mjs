// Builds dist/pack.js, the pack as it is published: pack.ts and everything it imports from this
// repository (../lib included) in one CommonJS file, with the packages it needs left as imports
// that package.json declares. Run by `npm pack` (prepack), so `pulumi policy publish` uploads a
// pack that loads on its own. A package the bundle needs but package.json does not declare
// fails the build: the published pack would not load without it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { rolldown } from "rolldown";

const here = new URL(".", import.meta.url);
const declared = Object.keys(JSON.parse(readFileSync(new URL("package.json", here), "utf8")).dependencies ?? {});
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const packageOf = (id) => id.split("/").slice(0, id.startsWith("@") ? 2 : 1).join("/");
const undeclared = new Set();

const bundle = await rolldown({
  input: new URL("pack.ts", here).pathname,
  platform: "node",
  external: (id) => {
    if (id.startsWith(".") || id.startsWith("/") || id.startsWith("\0")) return false;
    if (!builtins.has(id) && !declared.includes(packageOf(id))) undeclared.add(packageOf(id));
    return true;
  },
});
// The bundle resolves its imports while it generates, so the check runs after generate and
// nothing is written when it fails.
const { output } = await bundle.generate({ format: "cjs" });
await bundle.close();
if (undeclared.size) {
  console.error(`policies/package.json does not declare ${[...undeclared].join(", ")}, which the pack imports. Fix: add them to its dependencies, pinned as in the top-level package.json.`);
  process.exit(2);
}
mkdirSync(new URL("dist/", here), { recursive: true });
writeFileSync(new URL("dist/pack.js", here), output[0].code);
