import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, isMap, parseDocument } from "yaml";
import { PROJECT } from "./keys";
import { SECRET_PLACEHOLDER, type RawConfig, type RawValue } from "./raw";
import type { SiblingStack } from "./separation";

export { SECRET_PLACEHOLDER };

/** Bad usage that is not about a config value: an unknown stack, a file that does not parse. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const STACK_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/;

export function listStacks(stacksDir: string): string[] {
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .map((f) => STACK_FILE.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

export function stackFilePath(stacksDir: string, stack: string): string {
  return join(stacksDir, `Pulumi.${stack}.yaml`);
}

/** Reads a stack's config the way the Pulumi CLI hands it to a program. */
export function readStackConfig(stacksDir: string, stack: string): { raw: RawConfig; source: string } {
  const path = stackFilePath(stacksDir, stack);
  const rel = relative(process.cwd(), path);
  const source = rel && !rel.startsWith("..") ? rel : path;
  if (!/^[A-Za-z0-9_.-]+$/.test(stack) || !existsSync(path)) {
    const known = listStacks(stacksDir);
    throw new UsageError(
      `Unknown stack "${stack}": there is no ${source}. ` +
        (known.length ? `Stacks here: ${known.join(", ")}. Fix: pass one of them to --stack.` : `Fix: create one with pulumi stack init ${stack}.`),
    );
  }
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, "utf8"), { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    const at = ` at line ${pos.line}, column ${pos.col}`;
    throw new UsageError(`${source} is not valid YAML${at}: ${e.message.split("\n")[0]}. Fix: correct the file; \`pulumi config set\` rewrites it safely.`);
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new UsageError(`${source} must be a YAML mapping with a \`config:\` section. Fix: see stacks/Pulumi.prod.yaml for the shape.`);
  }
  const config = (doc.toJS() as { config?: unknown } | null)?.config ?? {};
  if (typeof config !== "object" || Array.isArray(config) || config === null) {
    throw new UsageError(`${source}: \`config:\` must be a mapping of keys to values. Fix: see stacks/Pulumi.prod.yaml for the shape.`);
  }
  const raw = new Map<string, RawValue>();
  for (const [key, value] of Object.entries(config)) {
    raw.set(key.includes(":") ? key : `${PROJECT}:${key}`, toRawValue(value));
  }
  return { raw, source };
}

function toRawValue(value: unknown): RawValue {
  let secret = false;
  const strip = (v: unknown): unknown => {
    if (isSecure(v)) {
      secret = true;
      return SECRET_PLACEHOLDER;
    }
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  const plain = strip(value);
  return { value: typeof plain === "object" && plain !== null ? JSON.stringify(plain) : String(plain), secret };
}

function isSecure(v: unknown): boolean {
  return !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { secure?: unknown }).secure === "string";
}

/** The other stacks' identities, read leniently: a broken sibling is skipped, not an error here. */
export function readSiblings(stacksDir: string, stack: string): SiblingStack[] {
  return listStacks(stacksDir)
    .filter((s) => s !== stack)
    .flatMap((s) => {
      try {
        const { raw, source } = readStackConfig(stacksDir, s);
        const get = (k: string) => raw.get(`${PROJECT}:${k}`)?.value;
        return [{ stack: s, source, environment: get("environment"), awsAccountId: get("awsAccountId"), cloudflareZoneId: get("cloudflareZoneId"), domain: get("domain") }];
      } catch {
        return [];
      }
    });
}

/**
 * Offline, external secrets the stack file does not hold yet get placeholders, so the plan shows
 * what a deploy would create; `pulumi up` itself refuses to run until they are set.
 */
export function withSecretPlaceholders(raw: RawConfig): { raw: RawConfig; placeholders: string[] } {
  let external: string[] = [];
  try {
    external = JSON.parse(raw.get(`${PROJECT}:secrets`)?.value ?? "{}").external ?? [];
  } catch {
    return { raw, placeholders: [] };
  }
  if (!Array.isArray(external)) return { raw, placeholders: [] };
  const key = `${PROJECT}:secretValues`;
  let values: Record<string, unknown> = {};
  try {
    values = JSON.parse(raw.get(key)?.value ?? "{}");
  } catch {
    return { raw, placeholders: [] };
  }
  const placeholders = external.filter((n) => typeof n === "string" && !(n in values));
  if (placeholders.length === 0) return { raw, placeholders };
  const next = new Map(raw);
  // A plaintext secretValues stays plaintext, so validation still refuses it.
  next.set(key, { value: JSON.stringify({ ...values, ...Object.fromEntries(placeholders.map((n) => [n, SECRET_PLACEHOLDER])) }), secret: raw.get(key)?.secret ?? true });
  return { raw: next, placeholders };
}
