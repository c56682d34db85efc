import { readFileSync, writeFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { configTable } from "../lib/config/docs";
import { CONFIG_KEYS } from "../lib/config/keys";
import { logContractDocs } from "../lib/logs/docs";
import { catalogueTable } from "../policies/catalogue";

// `npm run docs`: regenerates what is derived from the config key list: the README's config table
// (between its markers) and Pulumi.yaml's template.config. Tests fail when either drifts.

/** Replaces what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
function replaceBlock(text: string, name: string, content: string): string {
  const [before, rest] = text.split(`<!-- ${name}:start -->`);
  const [, after] = rest.split(`<!-- ${name}:end -->`);
  return `${before}<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->${after}`;
}

writeFileSync("README.md", replaceBlock(replaceBlock(replaceBlock(readFileSync("README.md", "utf8"), "config-table", configTable()), "rule-table", catalogueTable()), "log-contract", logContractDocs()));

const project = parseDocument(readFileSync("Pulumi.yaml", "utf8"));
project.setIn(
  ["template", "config"],
  Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, { description: k.description, ...(k.default !== undefined ? { default: k.default } : {}), ...(k.secret ? { secret: true } : {}) }])),
);
writeFileSync("Pulumi.yaml", project.toString({ lineWidth: 0 }));
process.stdout.write("README.md config and rule tables, the security-log contract, and Pulumi.yaml template.config, regenerated\n");
