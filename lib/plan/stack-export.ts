import { existsSync, readFileSync } from "node:fs";
import { UsageError } from "../config/stack-file";
import type { CapturedResource } from "./types";
import { SECRET_SIG, SIG, UNKNOWN } from "./wire";
import { parseJsonOr } from "../json";

// Reads what `pulumi stack export` writes (deployment version 3), so the pack can audit a stack
// as deployed: no program run, no credentials. Encrypted secrets stay masked.

interface ExportedResource {
  urn: string;
  custom: boolean;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  provider?: string;
  dependencies?: string[];
}

/**
 * Secrets in an export carry ciphertext (or, with --show-secrets, JSON plaintext). Ciphertext is
 * read as a value not known here, so a rule that needs it says it could not decide.
 */
function toWire(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toWire);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o[SIG] === SECRET_SIG) {
      const value = typeof o.plaintext === "string" ? parseJsonOr(o.plaintext, o.plaintext) : UNKNOWN;
      return { [SIG]: SECRET_SIG, value };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, toWire(x)]));
  }
  return v;
}

export function readStackExport(path: string): { stack: string; project: string; resources: CapturedResource[]; outputs: Record<string, unknown> } {
  if (!existsSync(path)) throw new UsageError(`State file ${path} does not exist. Fix: write one with pulumi stack export --stack <name> --file ${path}.`);
  let doc: { version?: number; deployment?: { resources?: ExportedResource[] } };
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`${path} is not JSON: ${(e as Error).message}. Fix: pass the file pulumi stack export writes.`);
  }
  const exported = doc.deployment?.resources;
  if (doc.version !== 3 || !Array.isArray(exported)) throw new UsageError(`${path} is not a pulumi stack export (deployment version 3 with resources). Fix: write it with pulumi stack export --file ${path}.`);
  const stackResource = exported.find((r) => r.type === "pulumi:pulumi:Stack");
  const [, stack = "", project = ""] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(stackResource?.urn ?? exported[0]?.urn ?? "") ?? [];
  const resources = exported.map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.urn.split("::").pop() ?? r.urn,
    custom: r.custom,
    parent: r.parent ?? null,
    provider: r.provider ? r.provider.split("::").slice(0, -1).join("::") : null,
    dependencies: r.dependencies ?? [],
    inputs: toWire(r.inputs ?? {}) as Record<string, unknown>,
  }));
  return { stack, project, resources, outputs: toWire(stackResource?.outputs ?? {}) as Record<string, unknown> };
}
