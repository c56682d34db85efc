import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanBatch } from "../lib/secrets/history-batch";
import { scanHistory } from "../lib/secrets/history";
import { keywordIndex } from "../lib/secrets/keyword-index";
import { credentials } from "./helpers/secret-corpus";

const stripe = () => credentials().find((c) => c.kind === "stripe-secret-key")!.value;

describe("keywordIndex", () => {
  it("reports every occurrence, overlapping ones too, ignoring ASCII case, at the offset it ends", () => {
    const index = keywordIndex(["key", "apikey", "keys"]);
    const seen: Array<[string, number]> = [];
    index.scan("API_KEY apikeys Ké", (k, end) => seen.push([index.keywords[k], end]));
    expect(seen).toEqual([
      ["key", 6],
      ["apikey", 13],
      ["key", 13],
      ["keys", 14],
    ]);
  });

  it("refuses a keyword it could not fold", () => {
    expect(() => keywordIndex(["Key"])).toThrow('keyword "Key" must be lower-case ASCII');
  });
});

describe("scanBatch", () => {
  const from = { commit: "aaaaaaaaaaaa", file: "carried.env" };
  it("counts only added lines, and takes commit and file from the headers above, else from the last batch", () => {
    const key = stripe();
    const batch = [`+STRIPE_KEY=${key}`, `-STRIPE_KEY=${key}`, "commit bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "", "diff --git a/x b/x", `--- a/old.env`, `+++ b/new.env`, "@@ -0,0 +1 @@", `+STRIPE_KEY=${key}`, ""].join("\n");
    expect(scanBatch(batch, from)).toEqual([
      { commit: "aaaaaaaaaaaa", file: "carried.env", kind: "stripe-secret-key" },
      { commit: "bbbbbbbbbbbb", file: "new.env", kind: "stripe-secret-key" },
    ]);
  });
});

describe("scanHistory", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("names the right commit and file for secrets several batches apart, and one removed later", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lb-history-"));
    dirs.push(dir);
    const git = (...a: string[]) => execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", ...a], { encoding: "utf8" }).trim();
    git("init", "-q");
    mkdirSync(join(dir, "src"));
    // Each commit adds ~1.5 MB of plain text before its secret, so headers and hits fall in
    // different batches of the stream.
    const filler = Array.from({ length: 30_000 }, (_, i) => `export const line${i} = "some ordinary text, nothing secret";`).join("\n");
    const expected: Array<{ file: string; commit: string; kind: string }> = [];
    let added = "export {};".length;
    for (const n of [1, 2, 3]) {
      const text = `${filler}\nconst STRIPE_KEY = "${stripe()}";\n`;
      added += text.length - text.split("\n").length + 1;
      writeFileSync(join(dir, "src", `part${n}.ts`), text);
      git("add", ".");
      git("commit", "-qm", `part ${n}`);
      expected.push({ file: `src/part${n}.ts`, commit: git("rev-parse", "--short=12", "HEAD"), kind: "stripe-secret-key" });
    }
    writeFileSync(join(dir, "src", "part2.ts"), "export {};\n");
    git("commit", "-qam", "remove the second");
    const scan = await scanHistory(dir);
    expect(scan.commits).toBe(4);
    expect(scan.bytes).toBe(added);
    expect(scan.findings.sort((a, b) => a.file.localeCompare(b.file))).toEqual(expected);
  });

  it("rejects with git's own message for a folder that is not a repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lb-norepo-"));
    dirs.push(dir);
    await expect(scanHistory(dir)).rejects.toThrow(/^git log failed in .*: fatal: not a git repository/);
  });
});
