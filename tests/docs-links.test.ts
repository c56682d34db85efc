import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../policies/catalogue";
import { ROOT } from "./helpers/run-plan";

// The front door and the reference it points to: every relative link resolves to a file, and every
// #anchor to a heading of that file (GitHub's slugs), so a moved section shows up here.

const PAGES = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[`*_]/g, "").replace(/[^\p{L}\p{N} -]/gu, "").replace(/ /g, "-");

function anchors(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
}

function links(page: string): Array<{ target: string; line: number }> {
  const text = readFileSync(join(ROOT, page), "utf8");
  const out: Array<{ target: string; line: number }> = [];
  let fenced = false;
  text.split("\n").forEach((line, i) => {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) return;
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) if (!/^[a-z]+:/i.test(m[1])) out.push({ target: m[1], line: i + 1 });
  });
  return out;
}

describe("documentation links", () => {
  it.each(PAGES)("every relative link in %s resolves", (page) => {
    const broken: string[] = [];
    for (const { target, line } of links(page)) {
      const [path, anchor] = target.split("#");
      const file = path ? join(ROOT, dirname(page), decodeURIComponent(path)) : join(ROOT, page);
      if (!existsSync(file)) broken.push(`${page}:${line} ${target}: no such file`);
      else if (anchor && statSync(file).isFile() && file.endsWith(".md") && !anchors(file).has(anchor)) broken.push(`${page}:${line} ${target}: no heading #${anchor} in ${relative(ROOT, file)}`);
    }
    expect(broken).toEqual([]);
  });

  it("finds links, so an empty pass means something", () => {
    expect(links("README.md").length).toBeGreaterThan(10);
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
  });
});

describe("the README is a front door", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");

  it("is at most 15 KB and starts with the two commands", () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15_000);
    expect(readme).toContain("npm ci && npm run plan -- --stack prod");
    expect(readme.indexOf("npm test")).toBeGreaterThan(0);
    expect(readme.indexOf("## Two commands")).toBeLessThan(readme.indexOf("## Deploy an environment"));
  });

  it("its gate table names every rule of the catalogue", () => {
    const table = readme.slice(readme.indexOf("## What the gate blocks"), readme.indexOf("## Where to read on"));
    expect(catalogue().map((e) => e.id).filter((id) => !table.includes(`\`${id}\``))).toEqual([]);
  });

  it("links every page in docs/", () => {
    expect(PAGES.filter((p) => p.startsWith("docs/") && !readme.includes(`](${p})`))).toEqual([]);
  });
});
