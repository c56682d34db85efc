import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configTable } from "../lib/config/docs";
import { CONFIG_KEYS } from "../lib/config/keys";
import { logContractDocs } from "../lib/logs/docs";
import { EVENTS } from "../lib/logs/vocabulary";

describe("every config key is documented where users look", () => {
  it("Pulumi.yaml's template.config describes exactly the keys the program reads", () => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8"));
    expect(project.name).toBe("launch-baseline");
    expect(project.runtime.name).toBe("nodejs");
    expect(project.stackConfigDir).toBe("stacks");
    const documented = project.template.config as Record<string, { description: string; default?: string; secret?: boolean }>;
    expect(Object.keys(documented)).toEqual(CONFIG_KEYS.map((k) => k.key));
    for (const k of CONFIG_KEYS) {
      expect(documented[k.key].description).toBe(k.description);
      expect(documented[k.key].default).toBe(k.default);
      expect(documented[k.key].secret ?? false).toBe(k.secret ?? false);
    }
  });

  it("docs/configuration.md's config table is the generated one", () => {
    expect(readFileSync("docs/configuration.md", "utf8")).toContain(configTable());
  });

  it("docs/logs-and-dmarc.md's security-log contract is the generated one, with an example of every event name", () => {
    const docs = logContractDocs();
    expect(readFileSync("docs/logs-and-dmarc.md", "utf8")).toContain(docs);
    for (const name of Object.keys(EVENTS)) expect(docs).toContain(`| \`${name}:`);
    expect(docs).toContain("| `csrf_token_fail:u-4f1c` | WARN |");
  });
});

describe("stack files", () => {
  it.each(["dev", "staging", "prod"])("Pulumi.%s.yaml holds no secret value, encrypted or plain", (stack) => {
    const config = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")).config as Record<string, unknown>;
    const secretKeys = CONFIG_KEYS.filter((k) => k.secret).map((k) => k.key);
    expect(Object.keys(config).filter((k) => secretKeys.includes(k))).toEqual([]);
    expect(JSON.stringify(config)).not.toContain('"secure"');
  });
});
