import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-plan";
import { CHROMIUM, skipWithout, titled } from "./helpers/servers";

// The handover page as a person sees it: Debian's Chromium, headless, from the file on disk.
// .ci/run installs chromium; without it locally this is skipped.

describe.skipIf(skipWithout(CHROMIUM))(titled("the handover page in a browser", CHROMIUM), () => {
  it("loads with no console errors, shows the scorecard and the inventory, and is screenshotted", async () => {
    const out = mkdtempSync(join(tmpdir(), "lb-handover-"));
    const r = spawnSync(process.execPath, ["-r", join(ROOT, "cli", "register.js"), join(ROOT, "cli", "handover.ts"), "--stack", "prod", "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM.path,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (req) => !req.url().startsWith("file://") && problems.push(`fetched ${req.url()}`));
      await page.goto(`file://${resolve(out, "handover-prod.html")}`);
      expect(await page.title()).toBe("Handover: launch-baseline prod");
      for (const id of ["scorecard", "accounts", "dns", "edge", "rules", "secrets", "runtime", "checks", "alerts", "risks", "runbooks", "commands"]) {
        expect(await page.locator(`section#${id}`).isVisible(), id).toBe(true);
      }
      expect(await page.locator("section#scorecard td.status.not-checked").count()).toBe(4);
      mkdirSync(join(ROOT, "tests", ".artifacts"), { recursive: true });
      const shot = join(ROOT, "tests", ".artifacts", "handover-prod.png");
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
