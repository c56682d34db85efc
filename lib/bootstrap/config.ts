import { z } from "zod";
import { ConfigError } from "../config/errors";
import type { RawConfig } from "../config/raw";

// The bootstrap project's configuration: one AWS account, the GitHub repository that deploys to
// it, and the environments (main-project stacks) it serves. Validated once, every problem named.

export const BOOTSTRAP_PROJECT = "launch-baseline-bootstrap";

const environment = z.object({
  /** The main project's stack: dev, staging or prod. */
  stack: z.enum(["dev", "staging", "prod"]),
  /** The GitHub environment its deploy job runs in (the `environment:` of the job). */
  githubEnvironment: z.string().regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, '.', '_' or '-'"),
  cloudflareZoneId: z.string().regex(/^[0-9a-f]{32}$/, "32 hex characters (the zone's id, from its Overview page)"),
});

export const bootstrapSchema = z.object({
  awsAccountId: z.string().regex(/^\d{12}$/, "12 digits"),
  awsRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region such as eu-west-1"),
  github: z.object({ owner: z.string().regex(/^[A-Za-z0-9-]+$/, "a GitHub user or organisation"), repository: z.string().regex(/^[A-Za-z0-9_.-]+$/, "a repository name") }),
  /** s3: an S3 bucket and a KMS key per environment (the default); pulumi-cloud: Pulumi Cloud holds state and secrets. */
  stateBackend: z.enum(["s3", "pulumi-cloud"]).default("s3"),
  cloudflareAccountId: z.string().regex(/^[0-9a-f]{32}$/, "32 hex characters"),
  environments: z.array(environment).min(1, "at least one environment"),
});

export type BootstrapConfig = z.infer<typeof bootstrapSchema> & { readonly stack: string };
export type BootstrapEnvironment = BootstrapConfig["environments"][number];

export function parseBootstrapConfig(raw: RawConfig, ctx: { stack: string; source: string }): BootstrapConfig {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, { value }] of raw) {
    const [ns, name] = key.split(":");
    if (ns !== BOOTSTRAP_PROJECT) continue;
    if (!(name! in bootstrapSchema.shape)) {
      problems.push(`${key} is not a key the bootstrap project reads. Fix: remove it; the keys are ${Object.keys(bootstrapSchema.shape).map((k) => `${BOOTSTRAP_PROJECT}:${k}`).join(", ")}.`);
      continue;
    }
    try {
      values[name!] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      values[name!] = value;
    }
  }
  const parsed = bootstrapSchema.safeParse(values);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${BOOTSTRAP_PROJECT}:${issue.path.join(".")}: ${issue.message}. Fix: set it in ${ctx.source}.`);
  const stacks = parsed.success ? parsed.data.environments.map((e) => e.stack) : [];
  for (const s of new Set(stacks)) if (stacks.filter((x) => x === s).length > 1) problems.push(`${BOOTSTRAP_PROJECT}:environments lists ${s} twice. Fix: one entry per environment.`);
  if (problems.length) throw new ConfigError(problems, `stack "${ctx.stack}" (${ctx.source})`);
  return { ...parsed.data!, stack: ctx.stack };
}
