import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FAMILIES } from "../tests/helpers/secret-corpus";

// A repository with a long history, written by `git fast-import`: every commit adds one file of
// real source text (taken from the installed packages, so the density of names like token and key
// is a real codebase's), and some commits carry a planted credential (made now, never committed).

/** Real source text to fill commits with: this project's installed packages (code, docs, JSON). */
function textPool(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const walk = (dir: string): void => {
    // In name order: the order a directory lists in is the install's, so the pool and the figures would differ between installs.
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (size >= bytes) return;
      const path = join(dir, e.name);
      // .cache holds this project's own compiled files (and whatever scratch script ran here), not a package.
      if (e.isDirectory()) e.name !== ".cache" && walk(path);
      else if (/\.(?:js|ts|md|json)$/.test(e.name) && statSync(path).size < 200_000) {
        const text = readFileSync(path, "utf8");
        parts.push(text);
        size += text.length;
      }
    }
  };
  walk(resolve(__dirname, "..", "node_modules"));
  return parts.join("\n");
}

export interface GeneratedRepo {
  readonly dir: string;
  readonly commits: number;
  readonly bytes: number;
  readonly planted: number;
}

export async function generateRepo(commits: number, bytesPerCommit: number, plantEvery: number): Promise<GeneratedRepo> {
  const dir = mkdtempSync(join(tmpdir(), "lb-history-"));
  execFileSync("git", ["init", "-q", dir]);
  const git = spawn("git", ["-C", dir, "fast-import", "--quiet"], { stdio: ["pipe", "ignore", "inherit"] });
  const pool = textPool(24_000_000);
  let offset = 0;
  let bytes = 0;
  let planted = 0;
  const write = (s: string | Buffer) => (git.stdin.write(s) ? Promise.resolve() : new Promise<void>((r) => git.stdin.once("drain", () => r())));
  for (let c = 1; c <= commits; c++) {
    // Each commit adds the next slice of real text, cut at line ends.
    if (offset + bytesPerCommit >= pool.length) offset = 0;
    const end = pool.indexOf("\n", offset + bytesPerCommit);
    let body = `${pool.slice(offset, end < 0 ? pool.length : end)}\n`;
    offset = end < 0 ? 0 : end + 1;
    if (c % plantEvery === 0) {
      const fam = FAMILIES[planted++ % FAMILIES.length];
      body += `${fam.name}=${fam.make()}\n`;
    }
    const path = c % plantEvery === 0 ? `planted/f${c}.env` : `src/m${c % 200}/f${c}.ts`;
    const file = Buffer.from(body);
    bytes += file.length;
    const message = `change ${c}`;
    await write(`commit refs/heads/main\ncommitter bench <bench@community.test> ${1_700_000_000 + c} +0000\ndata ${message.length}\n${message}\nM 644 inline ${path}\ndata ${file.length}\n`);
    await write(file);
    await write("\n");
  }
  git.stdin.end();
  await new Promise<void>((resolve, reject) => git.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))));
  return { dir, commits, bytes, planted };
}
