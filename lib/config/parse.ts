import type { z } from "zod";
import { detectSecrets } from "../secrets/detector";
import { didYouMean } from "./edit-distance";
import { ConfigError } from "./errors";
import { CONFIG_KEYS, ENVIRONMENTS, PROJECT, configKey, type Environment } from "./keys";
import { resolveEmail, type EmailPlan } from "../email/plan";
import { separationProblems, type SiblingStack } from "./separation";
import { SECRET_PLACEHOLDER, type RawConfig } from "./raw";
import { HSTS_DEFAULT_MAX_AGE, projectSchema, type ProjectConfig } from "./schema";
import { parseJsonOr, valueAt } from "../json";

export type { RawConfig, RawValue } from "./raw";

export interface ConfigContext {
  readonly stack: string;
  /** Where the values came from, for messages: a stack file path or "the Pulumi engine". */
  readonly source: string;
  /** The project's other stacks, for the environment-separation checks. */
  readonly siblings?: readonly SiblingStack[];
}

/** The validated configuration the program is built from. */
export type LaunchConfig = ProjectConfig & {
  readonly stack: string;
  /** The email records to publish, with per-environment defaults applied. */
  readonly emailPlan: EmailPlan;
  /** Names of the external secrets that have a value in secretValues (values stay in the engine). */
  readonly secretValueNames: readonly string[];
  readonly hsts: ProjectConfig["hsts"] & { readonly maxAgeSeconds: number };
};

export function parseLaunchConfig(raw: RawConfig, ctx: ConfigContext): LaunchConfig {
  const problems: string[] = [];
  const fix = new FixHints(ctx);
  const project: Record<string, unknown> = {};
  const plaintextSecrets = new Set<string>();

  for (const [key, { value, secret }] of raw) {
    const known = configKey(key);
    const [ns, name] = splitKey(key);
    if (!known) {
      problems.push(`${key} is not a key this project reads${suggest(key)}. Fix: ${fix.remove(key)}`);
      continue;
    }
    if (known.secret && !secret) {
      problems.push(`${key} is stored in plaintext; it is a secret. Fix: ${known.structured ? `pulumi config rm ${key} --stack ${ctx.stack}, rotate what it held, then ${fix.setSecret(key)}` : fix.setSecret(key)}`);
      plaintextSecrets.add(key);
      continue;
    }
    if (!secret) problems.push(...plaintextSecretProblems(key, value, fix));
    if (ns !== PROJECT) continue;
    // Secret values are validated for shape only and never kept here: the program reads them as secrets.
    const decoded = decode(value, known.structured, known.boolean);
    if (decoded.error) problems.push(`${key} = ${secret ? "(value not shown)" : show(value)}: ${decoded.error}. Fix: ${secret ? fix.setSecret(key) : fix.set(key)}`);
    else project[name] = decoded.value;
  }

  const secretValues = project.secretValues as Record<string, unknown> | undefined;
  delete project.secretValues;
  const parsed = projectSchema.safeParse(project);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => describeIssue(i, project, fix)));
  if (parsed.success && !plaintextSecrets.has(`${PROJECT}:secretValues`)) {
    const custom = (path: Array<string | number>, message: string) => describeIssue({ code: "custom", path, message, input: undefined } as unknown as z.core.$ZodIssue, project, fix);
    for (const p of separationProblems({ ...parsed.data, runtimeSecrets: parsed.data.runtime.secrets }, ctx.siblings ?? [])) problems.push(custom(p.path, p.message));
    const external = parsed.data.secrets.external;
    for (const name of Object.keys(secretValues ?? {})) {
      if (!external.includes(name)) problems.push(`${PROJECT}:secretValues.${name} is set but ${name} is not in ${PROJECT}:secrets.external. Fix: add it there, or pulumi config rm --path '${PROJECT}:secretValues.${name}' --stack ${ctx.stack}`);
      else if (typeof secretValues?.[name] !== "string" || secretValues[name] === "") problems.push(`${PROJECT}:secretValues.${name} is empty (value not shown). Fix: pulumi config set --secret --path '${PROJECT}:secretValues.${name}' --stack ${ctx.stack}`);
    }
    const webhooks = [...parsed.data.alerts.critical.webhooks, ...parsed.data.alerts.warning.webhooks];
    for (const name of webhooks) {
      const v = secretValues?.[name];
      // Offline the value is a placeholder; with the real engine it is checked, never echoed.
      if (typeof v === "string" && v !== SECRET_PLACEHOLDER && !/^https:\/\/\S+$/.test(v)) {
        problems.push(`${PROJECT}:secretValues.${name} is not an https:// URL (value not shown); alert webhooks must use TLS. Fix: pulumi config set --secret --path '${PROJECT}:secretValues.${name}' --stack ${ctx.stack} with the https:// URL`);
      }
    }
    for (const name of external.filter((n) => !(n in (secretValues ?? {})))) {
      problems.push(`${PROJECT}:secretValues.${name} is not set: ${name} is an external secret. Fix: pulumi config set --secret --path '${PROJECT}:secretValues.${name}' --stack ${ctx.stack} (it prompts for the value)`);
    }
  }
  if (parsed.success && (ENVIRONMENTS as readonly string[]).includes(ctx.stack) && parsed.data.environment !== ctx.stack) {
    problems.push(`${PROJECT}:environment = "${parsed.data.environment}" in stack "${ctx.stack}": a stack named after an environment must be that environment. Fix: pulumi config set ${PROJECT}:environment ${ctx.stack} --stack ${ctx.stack}`);
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems, `stack "${ctx.stack}" (${ctx.source})`);

  const env: Environment = parsed.data.environment;
  return {
    ...parsed.data,
    stack: ctx.stack,
    hsts: { ...parsed.data.hsts, maxAgeSeconds: parsed.data.hsts.maxAgeSeconds ?? HSTS_DEFAULT_MAX_AGE[env] },
    emailPlan: resolveEmail(parsed.data.email, env, parsed.data.domain, parsed.data.awsRegion),
    secretValueNames: Object.keys(secretValues ?? {}),
  };
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf(":");
  return i < 0 ? ["", key] : [key.slice(0, i), key.slice(i + 1)];
}

function decode(value: string, structured?: boolean, boolean?: boolean): { value?: unknown; error?: string } {
  if (boolean) {
    if (value === "true" || value === "false") return { value: value === "true" };
    return { error: "must be true or false" };
  }
  if (!structured) return { value };
  try {
    return { value: JSON.parse(value) };
  } catch {
    return { error: "must be a YAML object or list, not a plain string" };
  }
}

/** Every plaintext string inside a value that looks like a credential. */
function plaintextSecretProblems(key: string, value: string, fix: FixHints): string[] {
  const strings: Array<[string, string]> = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === "string") strings.push([path, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  // Structured values arrive as JSON text; anything else is a plain string after all.
  const parsed = /^[[{]/.test(value) ? parseJsonOr(value, value) : value;
  walk(parsed, key);
  return strings.flatMap(([path, s]) => {
    const found = detectSecrets(s, path.split(/[.:[\]]/).filter(Boolean).pop(), { deployed: true });
    return found.length === 0 ? [] : [`${path} holds ${found[0].description} in plaintext (value not shown). Fix: ${fix.removeExposed()}`];
  });
}

function describeIssue(issue: z.core.$ZodIssue, project: Record<string, unknown>, fix: FixHints): string {
  const [top, ...rest] = issue.path.map(String);
  const key = `${PROJECT}:${top}`;
  const where = key + rest.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join("");
  if (issue.code === "unrecognized_keys") {
    return `${where} has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}. Fix: ${fix.correct(key)}`;
  }
  const value = valueAt(project, issue.path);
  if (value === undefined && issue.path.length === 1) {
    const meta = configKey(key);
    return `${key} is required: ${meta?.description ?? "missing"} Fix: ${fix.set(key)}`;
  }
  if (value === undefined) return `${where} ${issue.code === "custom" ? issue.message : "is required"}. Fix: ${fix.set(key)}`;
  const message = issue.code === "invalid_type" ? `must be a ${issue.expected}` : issue.message;
  return `${where} = ${show(value)}: ${message}. Fix: ${fix.set(key)}`;
}

function show(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** "did you mean" for a mistyped key, by edit distance. */
function suggest(key: string): string {
  return didYouMean(key, CONFIG_KEYS.map((k) => k.key));
}

class FixHints {
  constructor(private readonly ctx: ConfigContext) {}
  set(key: string): string {
    const meta = configKey(key);
    if (meta?.structured) return `edit ${key} in ${this.ctx.source} (example: ${meta.example})`;
    return `pulumi config set ${key} ${meta?.example ?? "<value>"} --stack ${this.ctx.stack}`;
  }
  setSecret(key: string): string {
    if (configKey(key)?.structured) return `pulumi config set --secret --path '${key}.<name>' --stack ${this.ctx.stack} for each entry (it prompts for the value)`;
    return `pulumi config set --secret ${key} --stack ${this.ctx.stack} (it prompts for the value)`;
  }
  removeExposed(): string {
    return `take it out of ${this.ctx.source} and rotate it, since it was exposed; secrets are set with pulumi config set --secret <key> --stack ${this.ctx.stack}`;
  }
  correct(key: string): string {
    return `remove it or correct its spelling in ${key} in ${this.ctx.source}`;
  }
  remove(key: string): string {
    return `pulumi config rm ${key} --stack ${this.ctx.stack}`;
  }
}
