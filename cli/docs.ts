import { readFileSync, writeFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { configTable } from "../lib/config/docs";
import { CONFIG_KEYS } from "../lib/config/keys";

// `npm run docs`: regenerates what is derived from the config key list: the README's config table
// (between its markers) and Pulumi.yaml's template.config. Tests fail when either drifts.

const START = "<!-- config-table:start -->";
const END = "<!-- config-table:end -->";

const readme = readFileSync("README.md", "utf8");
const [before, rest] = readme.split(START);
const [, after] = rest.split(END);
writeFileSync("README.md", `${before}${START}\n${configTable()}\n${END}${after}`);

const project = parseDocument(readFileSync("Pulumi.yaml", "utf8"));
project.setIn(
  ["template", "config"],
  Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, { description: k.description, ...(k.default !== undefined ? { default: k.default } : {}), ...(k.secret ? { secret: true } : {}) }])),
);
writeFileSync("Pulumi.yaml", project.toString({ lineWidth: 0 }));
process.stdout.write("README.md config table and Pulumi.yaml template.config regenerated\n");
