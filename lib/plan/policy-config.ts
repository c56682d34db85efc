import { existsSync, readFileSync } from "node:fs";
import type { EnforcementLevel } from "@pulumi/policy";
import { UsageError } from "../config/stack-file";
import { schemaDefaults, type ConfigSchema } from "./config-schema";

export interface ResolvedPolicyConfig {
  readonly enforcementLevel: EnforcementLevel;
  /** The policy's settings: schema defaults overlaid with the file's values. */
  readonly settings: Record<string, unknown>;
}

/** What reconciling needs of a policy: a Policy object, or what GetAnalyzerInfo says of one. */
export interface PolicyShape {
  readonly name: string;
  readonly enforcementLevel?: EnforcementLevel;
  readonly configSchema?: ConfigSchema;
}


const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Resolves each policy's level and settings as the CLI does for `--policy-pack-config FILE`:
 * the policy's own entry, else `all`, else the policy's default; settings start from the schema's
 * defaults, and a required setting with neither a value nor a default is an error, as in the CLI.
 * Unknown policy names and settings are errors, because a typo would silently relax the gate.
 */
export function resolvePolicyConfig(policies: readonly PolicyShape[], path: string | undefined): Map<string, ResolvedPolicyConfig> {
  const file = path ? readConfigFile(path) : {};
  const names = new Set(policies.map((p) => p.name));
  for (const key of Object.keys(file)) {
    if (key !== "all" && !names.has(key)) throw new UsageError(`${path}: "${key}" is not a policy in this pack. Fix: use one of ${[...names].join(", ")} (or "all").`);
  }
  const levelOf = (v: unknown, where: string): EnforcementLevel | undefined => {
    const level = typeof v === "string" ? v : (v as { enforcementLevel?: unknown } | undefined)?.enforcementLevel;
    if (level === undefined) return undefined;
    if (!LEVELS.includes(level as EnforcementLevel)) throw new UsageError(`${path}: ${where} has enforcement level ${JSON.stringify(level)}. Fix: use one of ${LEVELS.join(", ")}.`);
    return level as EnforcementLevel;
  };
  const all = levelOf(file.all, `"all"`);
  const resolved = new Map<string, ResolvedPolicyConfig>();
  for (const p of policies) {
    const entry = file[p.name];
    const props = p.configSchema?.properties ?? {};
    const settings = schemaDefaults(p.configSchema);
    if (entry && typeof entry === "object") {
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
        if (k === "enforcementLevel") continue;
        if (!(k in props)) throw new UsageError(`${path}: policy "${p.name}" has no setting "${k}". Fix: use one of ${Object.keys(props).join(", ") || "(none: only enforcementLevel)"}.`);
        checkType(v, props[k] as { type?: string; enum?: unknown[]; minimum?: number }, `${path}: ${p.name}.${k}`);
        settings[k] = v;
      }
    }
    const enforcementLevel = levelOf(entry, `"${p.name}"`) ?? all ?? p.enforcementLevel ?? "advisory";
    const missing = (p.configSchema?.required ?? []).filter((k) => settings[k] === undefined);
    // A disabled rule never runs, so it needs none of its settings.
    if (missing.length && enforcementLevel !== "disabled") throw new UsageError(`${path ?? "the policy config"}: policy "${p.name}" needs ${missing.map((k) => `"${k}"`).join(", ")}. Fix: add ${JSON.stringify({ [p.name]: { [missing[0]!]: "…" } })} to the policy config file.`);
    resolved.set(p.name, { enforcementLevel, settings });
  }
  return resolved;
}

function readConfigFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new UsageError(`Policy config ${path} does not exist. Fix: create it (see policies/config/prod.json) or pass another with --policy-config.`);
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed;
  } catch (e) {
    throw new UsageError(`Policy config ${path} is not valid JSON: ${(e as Error).message}. Fix: correct the file.`);
  }
  throw new UsageError(`Policy config ${path} must be a JSON object mapping policy names to settings.`);
}

function checkType(v: unknown, schema: { type?: string; enum?: unknown[]; minimum?: number }, where: string): void {
  const ok =
    schema.type === "integer" ? Number.isInteger(v) : schema.type === "number" ? typeof v === "number" : schema.type === "array" ? Array.isArray(v) : schema.type === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : schema.type ? typeof v === schema.type : true;
  if (!ok) throw new UsageError(`${where} is ${JSON.stringify(v)}; it must be of type ${schema.type}.`);
  if (schema.enum && !schema.enum.includes(v)) throw new UsageError(`${where} is ${JSON.stringify(v)}; it must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}.`);
  if (schema.minimum !== undefined && typeof v === "number" && v < schema.minimum) throw new UsageError(`${where} is ${v}; it must be at least ${schema.minimum}.`);
}
