import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-plan";
import { credentials } from "./helpers/secret-corpus";
import { startStaticSite, type Site } from "./helpers/static-site";
import { makeCa, type TestCa } from "./helpers/test-ca";

// Where secrets hide on a served site, against HTTPS servers on 127.0.0.1 with a test CA: a key
// left in a comment that a real Vite build strips from the bundle but ships in its source map,
// files a server must never serve, and a soft-404 app that answers 200 for every path.

const HOST = "app.example.com";
const stripe = credentials().find((c) => c.kind === "stripe-secret-key")!;
const github = credentials().find((c) => c.kind === "github-token")!;

let ca: TestCa;
let cert: { cert: Buffer; key: Buffer };
let dist: string;
const sites: Site[] = [];

/** The app, built by Vite 8 with source maps on, as a team ships it. */
async function viteBuild(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "lb-vite-"));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "index.html"), '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>\n');
  writeFileSync(join(root, "src", "main.ts"), `// staging: ${stripe.name}=${stripe.value}\nexport const api = "/api";\ndocument.getElementById("app")!.textContent = api;\n`);
  await build({ root, logLevel: "silent", build: { outDir: join(root, "dist"), sourcemap: true, minify: true, emptyOutDir: true } });
  return join(root, "dist");
}

function siteFiles(dir: string, prefix = ""): Record<string, string> {
  return Object.fromEntries(readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? Object.entries(siteFiles(dir, `${prefix}/${e.name}`)) : [[`${prefix}/${e.name}`, readFileSync(join(dir, prefix, e.name), "utf8")]])));
}

async function verifySite(files: Record<string, string>, unknown: "404" | "index", checks = "secrets.bundle,secrets.served-files") {
  const site = await startStaticSite({ ...cert, files, unknown });
  sites.push(site);
  const run = await runCli("verify", ["--url", `https://${HOST}:${site.port}/`, "--resolve", `${HOST}:${site.port}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", checks, "--json"]);
  const doc = JSON.parse(run.stdout) as { checks: Array<{ id: string; status: string; summary: string; evidence: string[] }> };
  return { ...run, check: (id: string) => doc.checks.find((c) => c.id === id)!, origin: `https://${HOST}:${site.port}` };
}

beforeAll(async () => {
  ca = makeCa();
  cert = ca.issue(HOST);
  dist = await viteBuild();
});
afterAll(async () => {
  await Promise.all(sites.map((s) => s.close()));
});

describe("secrets.bundle reads the source maps a site serves", () => {
  it("finds a key that only the source map of a real Vite build holds, without printing it", async () => {
    const files = siteFiles(dist);
    const script = Object.keys(files).find((p) => p.endsWith(".js"))!;
    expect(files[script]).not.toContain(stripe.value);
    const r = await verifySite(files, "404", "secrets.bundle");
    expect(r.check("secrets.bundle")).toMatchObject({ status: "fail", summary: "1 secret in the frontend (values not shown)", evidence: [`${script}.map -> ../../src/main.ts:1 stripe-secret-key`] });
    expect(r.stdout + r.stderr).not.toContain(stripe.value);
    expect(r.code).toBe(1);
  });

  it("finds it in a built folder too (--bundle), by the map's sources", async () => {
    const run = await runCli("verify", ["--bundle", dist, "--checks", "secrets.bundle", "--json"]);
    const check = JSON.parse(run.stdout).checks[0];
    expect(check.status).toBe("fail");
    expect(check.evidence).toEqual([expect.stringMatching(/^assets\/index-[\w-]+\.js\.map -> \.\.\/\.\.\/src\/main\.ts:1 stripe-secret-key$/)]);
  });
});

describe("secrets.served-files", () => {
  it("fails a site that serves /.env, /.git/HEAD and /.git/config, naming each URL", async () => {
    const files = { "/index.html": "<!doctype html><title>Community</title>", "/.env": `NODE_ENV=production\n${github.name}=${github.value}\n`, "/.git/HEAD": "ref: refs/heads/main\n", "/.git/config": "[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote \"origin\"]\n\turl = git@git.community.test:app.git\n" };
    const r = await verifySite(files, "404", "secrets.served-files");
    expect(r.check("secrets.served-files")).toEqual({
      id: "secrets.served-files",
      area: "Secrets handling",
      status: "fail",
      summary: "3 files that must never be served are public (values not shown)",
      evidence: [`${r.origin}/.env serves an environment file holding 1 secret (github-token)`, `${r.origin}/.git/HEAD serves the git repository (HEAD)`, `${r.origin}/.git/config serves the git repository (config)`],
      runbook: "runbooks/secret-exposed.md",
    });
    expect(r.stdout).not.toContain(github.value);
  });

  it("passes a soft-404 app that answers 200 with its page for every path, and a clean site", async () => {
    const page = { "/index.html": "<!doctype html><html><head><title>Community</title></head><body><div id=app></div></body></html>" };
    for (const unknown of ["index", "404"] as const) {
      const r = await verifySite(page, unknown);
      expect(r.check("secrets.served-files")).toMatchObject({ status: "pass", summary: "none of 16 paths on 1 host serves a file it should not (/.env, /.env.local, /.env.production, /.env.bak, ...)" });
      expect(r.check("secrets.bundle").status).toBe("pass");
      expect(r.code).toBe(0);
    }
  });

  it("leaves a public runtime config alone, and fails one that holds a key", async () => {
    const clean = await verifySite({ "/index.html": "<!doctype html>", "/config.json": '{"apiBase":"/api","release":"2026.11.30"}' }, "404", "secrets.served-files");
    expect(clean.check("secrets.served-files").status).toBe("pass");
    const leaky = await verifySite({ "/index.html": "<!doctype html>", "/config.json": JSON.stringify({ apiBase: "/api", stripeKey: stripe.value }) }, "404", "secrets.served-files");
    expect(leaky.check("secrets.served-files").evidence).toEqual([`${leaky.origin}/config.json serves a configuration file holding 1 secret (stripe-secret-key)`]);
  });
});
