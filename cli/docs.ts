import { readFileSync, writeFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { configTable } from "../lib/config/docs";
import { CONFIG_KEYS } from "../lib/config/keys";
import { logContractDocs } from "../lib/logs/docs";
import { catalogueTable } from "../policies/catalogue";

// `npm run docs`: regenerates what is derived from the code: the config table, the rule catalogue
// and the security-log contract in docs/ (between their markers), and Pulumi.yaml's
// template.config. tests/docs-sync.test.ts and tests/gate-reports.test.ts fail when any drifts.

/** Replaces what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
function replaceBlock(text: string, name: string, content: string): string {
  const [before, rest] = text.split(`<!-- ${name}:start -->`);
  const [, after] = rest.split(`<!-- ${name}:end -->`);
  return `${before}<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->${after}`;
}

const GENERATED = [
  { file: "docs/configuration.md", block: "config-table", content: configTable },
  { file: "docs/gate.md", block: "rule-table", content: () => catalogueTable() },
  { file: "docs/logs-and-dmarc.md", block: "log-contract", content: logContractDocs },
] as const;

for (const { file, block, content } of GENERATED) writeFileSync(file, replaceBlock(readFileSync(file, "utf8"), block, content()));

const project = parseDocument(readFileSync("Pulumi.yaml", "utf8"));
project.setIn(
  ["template", "config"],
  Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, { description: k.description, ...(k.default !== undefined ? { default: k.default } : {}), ...(k.secret ? { secret: true } : {}) }])),
);
writeFileSync("Pulumi.yaml", project.toString({ lineWidth: 0 }));
process.stdout.write(`${GENERATED.map((g) => `${g.file} (${g.block})`).join(", ")} and Pulumi.yaml template.config, regenerated\n`);
