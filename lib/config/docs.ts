import { CONFIG_KEYS } from "./keys";

/** The config table of docs/configuration.md, generated from the key list so the two cannot drift. */
export function configTable(): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const rows = CONFIG_KEYS.map((k) => `| \`${k.key}\` | ${k.default === undefined ? (k.deployOnly ? "for deploys" : "yes") : "no"} | ${cell(k.default ?? "")} | ${cell(k.description)} |`);
  return ["| key | required | default | what it is |", "|---|---|---|---|", ...rows].join("\n");
}
