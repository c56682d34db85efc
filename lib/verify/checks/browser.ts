import type { Browser } from "playwright-core";
import type { ProbePlan } from "../../probes/probe-file";
import { inspectPage, openBrowser, readableTokens, type BrowserTarget } from "../browser";
import type { Check } from "../types";

// verify --browser: one headless Chromium for the run, shared by its checks, closed at the end.

export function browserChecks(target: BrowserTarget, plan: ProbePlan | undefined): { checks: Check[]; close: () => Promise<void> } {
  let opened: Promise<Browser> | undefined;
  const browser = () => (opened ??= openBrowser(target));
  const pages: Check = {
    id: "browser.pages",
    needs: "url",
    area: "Transport security",
    runbook: "redirect-loop-or-hsts-lock-in",
    async run() {
      const b = await browser();
      const failures: string[] = [];
      const evidence: string[] = [];
      for (const url of target.pages) {
        const seen = await inspectPage(b, url, target);
        evidence.push(`${url}: ${seen.mixed.length} http:// subresource(s), ${seen.csp.length} CSP violation(s), ${seen.unpinned.length} third-party script(s) without integrity`);
        failures.push(...seen.mixed.map((m) => `${url} loads ${m} over plain http (mixed content)`), ...seen.csp.map((c) => `${url}: ${c}`), ...seen.unpinned.map((s) => `${url} runs ${s} without Subresource Integrity`));
      }
      if (failures.length) return { status: "fail", summary: `${failures.length} problem(s) a browser sees: ${failures.slice(0, 3).join("; ")}${failures.length > 3 ? " ..." : ""}`, evidence: [...evidence, ...failures] };
      return { status: "pass", summary: `${target.pages.length} page(s) load with no mixed content, no CSP violation and no unpinned third-party script`, evidence };
    },
  };
  const tokens: Check = {
    id: "browser.tokens",
    needs: "url",
    area: "Authentication",
    runbook: "app-security-finding",
    async run() {
      if (!plan?.browserLogin) return { status: "skip", summary: "no browserLogin in the probe file (--probes)", evidence: [] };
      const readable = await readableTokens(await browser(), plan, target);
      if (readable.length) return { status: "fail", summary: `after signing in, page scripts can read ${readable.length} token(s): ${readable.join("; ")}`, evidence: readable };
      return { status: "pass", summary: "after signing in, no token or session value is readable by page scripts (localStorage, sessionStorage, cookies without HttpOnly)", evidence: [] };
    },
  };
  return { checks: [pages, tokens], close: async () => void (opened && (await (await opened.catch(() => undefined))?.close())) };
}
