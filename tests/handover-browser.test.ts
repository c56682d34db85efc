import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-plan";
import { CHROMIUM, skipWithout, titled } from "./helpers/servers";

// The handover page as a person sees it: Debian's Chromium, headless, from the file on disk.
// .ci/run installs chromium; without it locally this is skipped.

describe.skipIf(skipWithout(CHROMIUM))(titled("the handover page in a browser", CHROMIUM), () => {
  it("at 1280x800 and 390x844: summary and routing picture first, runbook links that resolve, tables that fit, screenshots", async () => {
    const out = mkdtempSync(join(tmpdir(), "lb-handover-"));
    const r = spawnSync(process.execPath, ["-r", join(ROOT, "cli", "register.js"), join(ROOT, "cli", "handover.ts"), "--stack", "prod", "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM.path,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
        const page = await browser.newPage({ viewport });
        const problems: string[] = [];
        page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
        page.on("pageerror", (e) => problems.push(e.message));
        page.on("request", (req) => !req.url().startsWith("file://") && problems.push(`fetched ${req.url()}`));
        const file = resolve(out, "handover-prod.html");
        await page.goto(`file://${file}`);
        expect(await page.title()).toBe("Handover: launch-baseline prod");
        // The summary and the picture come before every table.
        const order = await page.evaluate(() => [...document.querySelectorAll("body > section")].map((s) => s.id));
        expect(order.slice(0, 3)).toEqual(["summary", "routing", "scorecard"]);
        for (const id of ["summary", "routing", "scorecard", "accounts", "dns", "edge", "rules", "secrets", "runtime", "checks", "alerts", "risks", "runbooks", "commands"]) {
          expect(await page.locator(`section#${id}`).isVisible(), id).toBe(true);
        }
        expect(await page.locator("section#scorecard td.status.not-checked").count()).toBe(4);
        expect(await page.locator("section#summary").innerText()).toMatch(/Where alerts go\s+critical: e-mail oncall@example\.com/);
        // The routing picture is drawn, with a box per alarm group, and fits its section.
        const svg = page.locator("section#routing svg");
        expect(await svg.isVisible()).toBe(true);
        const box = (await svg.boundingBox())!;
        expect(box.width).toBeGreaterThan(viewport.width < 700 ? 700 : 1000);
        expect(box.height).toBeGreaterThan(300);
        expect(await svg.locator("rect").count()).toBeGreaterThan(15);
        // Every runbook link in it opens a file in runbooks/.
        const hrefs = await svg.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
        expect(hrefs.length).toBeGreaterThan(5);
        for (const href of hrefs) {
          const target = resolve(out, href);
          expect(target.startsWith(join(ROOT, "runbooks") + "/"), href).toBe(true);
          expect(existsSync(target), href).toBe(true);
        }
        // No table is wider than the viewport, no page scrolls sideways, and no short value
        // (up to 16 characters with no space) is wrapped onto a second line.
        const layout = await page.evaluate(() => {
          const overflowing = [...document.querySelectorAll("table")].filter((t) => t.getBoundingClientRect().right > window.innerWidth + 0.5).map((t) => t.closest("section")!.id);
          const wrapped: string[] = [];
          for (const td of document.querySelectorAll("td")) {
            const text = td.textContent ?? "";
            if (text.length === 0 || text.length > 16 || /\s/.test(text)) continue;
            // The line boxes of the text itself (a list item's own box would count as a line).
            const lines = new Set<number>();
            const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(n);
              for (const r of range.getClientRects()) lines.add(Math.round(r.top));
            }
            if (lines.size > 1) wrapped.push(`${td.closest("section")!.id}: ${text}`);
          }
          return { overflowing, wrapped, scrollWidth: document.documentElement.scrollWidth };
        });
        expect(layout).toEqual({ overflowing: [], wrapped: [], scrollWidth: viewport.width });
        // No cell holds raw JSON: lists are lists.
        expect(await page.locator("td").evaluateAll((tds) => tds.filter((td) => /^[[{]"/.test(td.textContent ?? "")).length)).toBe(0);
        mkdirSync(join(ROOT, "tests", ".artifacts"), { recursive: true });
        const shot = join(ROOT, "tests", ".artifacts", `handover-prod-${viewport.width}x${viewport.height}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
        expect(problems).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
