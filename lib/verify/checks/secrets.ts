import { execFile } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { promisify } from "node:util";
import { scanText } from "../../secrets/detector";
import { scanHistory } from "../../secrets/history";
import { embeddedSources, sourceMapReference } from "../../secrets/source-maps";
import { fetchOnce, lookupHost } from "../http";
import type { Check, VerifyContext } from "../types";

// The checklist's secret audit: the repository (working tree and every commit) and the frontend
// the site serves. Findings name where and what kind, never the value.

const run = promisify(execFile);
const MAX_FILE = 1_000_000;

export const secretsRepository: Check = {
  id: "secrets.repository",
  needs: "repo",
  area: "Secrets handling",
  runbook: "secret-exposed",
  async run(ctx) {
    const repo = ctx.repo!;
    const findings: string[] = [];
    const files = (await run("git", ["-C", repo, "ls-files", "-z"], { maxBuffer: 64 * 1024 * 1024 })).stdout.split("\0").filter(Boolean);
    for (const f of files) {
      const path = join(repo, f);
      let text: string;
      try {
        if (statSync(path).size > MAX_FILE) continue;
        text = readFileSync(path, "utf8");
      } catch {
        continue;
      }
      if (text.includes("\0")) continue;
      for (const hit of scanText(text)) findings.push(`${f}:${hit.line} ${hit.kind} (working tree)`);
    }
    // Every commit's added lines: a secret removed later is still in history.
    for (const f of (await scanHistory(repo)).findings) findings.push(`${f.file} in commit ${f.commit} ${f.kind} (history)`);
    const unique = [...new Set(findings)];
    return unique.length ? { status: "fail", summary: `${unique.length} secret${unique.length === 1 ? "" : "s"} in the repository or its history (values not shown)`, evidence: unique.slice(0, 50) } : { status: "pass", summary: `no secret in ${files.length} files or in the history`, evidence: [] };
  },
};

const BUNDLE_EXTENSIONS = new Set([".js", ".mjs", ".cjs", ".map", ".css", ".html", ".json"]);

function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? bundleFiles(join(dir, e.name)) : BUNDLE_EXTENSIONS.has(extname(e.name)) ? [join(dir, e.name)] : []));
}

/** The page, its same-origin scripts, and the sources of the maps those scripts point at. */
async function servedScripts(ctx: VerifyContext): Promise<Array<[string, string]>> {
  const opts = { ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h: string) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs, maxBodyBytes: 5 * MAX_FILE };
  const page = await fetchOnce(ctx.url!, opts);
  const origin = new URL(ctx.url!).origin;
  // Only scripts from the site itself: no other host is contacted.
  const srcs = [...page.body.matchAll(/<script[^>]+src=["']?([^"'\s>]+)/gi)].map((m) => new URL(m[1], ctx.url!)).filter((u) => u.origin === origin).slice(0, 20);
  const out: Array<[string, string]> = [[ctx.url!, page.body]];
  for (const u of srcs) {
    const script = await fetchOnce(u.toString(), opts);
    out.push([u.pathname, script.body]);
    const ref = script.status === 200 ? sourceMapReference(script.body, script.headers) : undefined;
    const mapUrl = ref ? new URL(ref, u) : undefined;
    if (!mapUrl || mapUrl.origin !== origin) continue;
    const map = await fetchOnce(mapUrl.toString(), opts);
    if (map.status === 200) for (const [source, text] of embeddedSources(map.body)) out.push([`${mapUrl.pathname} -> ${source}`, text]);
  }
  return out;
}

/** Built assets; a source map counts by the sources it embeds, each named after the map. */
function bundleSources(dir: string): Array<[string, string]> {
  return bundleFiles(dir)
    .filter((f) => statSync(f).size <= 5 * MAX_FILE)
    .flatMap((f): Array<[string, string]> => {
      const name = relative(dir, f);
      const text = readFileSync(f, "utf8");
      return f.endsWith(".map") ? embeddedSources(text).map(([source, content]): [string, string] => [`${name} -> ${source}`, content]) : [[name, text]];
    });
}

export const secretsBundle: Check = {
  id: "secrets.bundle",
  needs: "bundle-or-url",
  area: "Secrets handling",
  runbook: "secret-exposed",
  async run(ctx) {
    const sources = ctx.bundle ? bundleSources(ctx.bundle) : await servedScripts(ctx);
    const findings = sources.flatMap(([name, text]) => scanText(text).map((h) => `${name}:${h.line} ${h.kind}`));
    return findings.length ? { status: "fail", summary: `${findings.length} secret${findings.length === 1 ? "" : "s"} in the frontend (values not shown)`, evidence: findings.slice(0, 50) } : { status: "pass", summary: `no secret in ${sources.length} frontend file${sources.length === 1 ? "" : "s"}`, evidence: [] };
  },
};
