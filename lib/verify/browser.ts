import type { Browser, Page } from "playwright-core";
import type { ProbePlan } from "../probes/probe-file";
import { routeUrl } from "../probes/probe-file";
import { CHROMIUM, isExecutableFile } from "./chromium-path";
import { CouldNotRun, type CheckResult } from "./types";

// The app as a reviewer's browser sees it, in headless Chromium (Debian's, through playwright-core):
// mixed content and CSP violations the browser records, third-party scripts without Subresource
// Integrity, and, after a UI sign-in, tokens that page scripts can read.

export { CHROMIUM };
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/;
const SESSION_NAME = /sess|token|jwt|auth|sid/i;

export interface BrowserTarget {
  readonly pages: readonly string[];
  /** host:port -> address, as --resolve; Chromium gets the same mapping. */
  readonly resolve: ReadonlyMap<string, string>;
  /** Trust the test CA's certificates (the browser has no --ca-file). */
  readonly ignoreCertificateErrors: boolean;
  readonly timeoutMs: number;
}

export async function openBrowser(t: BrowserTarget): Promise<Browser> {
  if (!isExecutableFile(CHROMIUM)) throw new CouldNotRun(`no Chromium at ${CHROMIUM}. Fix: apt-get install chromium (Debian), then run verify --browser again.`);
  const rules = [...t.resolve].map(([hostPort, address]) => `MAP ${hostPort.split(":")[0]} ${address}`).join(",");
  // Loaded here, not at the top: playwright-core costs every verify a third of a second to load.
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: [...(rules ? [`--host-resolver-rules=${rules}`] : []), "--no-sandbox"] });
}

/** What one page load shows: mixed content, CSP violations, third-party scripts without SRI. */
export async function inspectPage(browser: Browser, url: string, t: BrowserTarget): Promise<{ mixed: string[]; csp: string[]; unpinned: string[] }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: t.ignoreCertificateErrors });
  const page = await context.newPage();
  const mixed: string[] = [];
  const csp: string[] = [];
  page.on("request", (r) => r.url().startsWith("http://") && mixed.push(r.url()));
  page.on("console", (m) => /Content Security Policy|Mixed Content/i.test(m.text()) && (/Mixed Content/i.test(m.text()) ? mixed.push(m.text().match(/'(http:\/\/[^']+)'/)?.[1] ?? m.text().slice(0, 120)) : csp.push(m.text().slice(0, 160))));
  try {
    await page.goto(url, { waitUntil: "load", timeout: t.timeoutMs });
    const origin = new URL(url).origin;
    const unpinned = await page.$$eval("script[src]", (els, own) => els.filter((e) => new URL((e as HTMLScriptElement).src, location.href).origin !== own && !(e as HTMLScriptElement).integrity).map((e) => (e as HTMLScriptElement).src), origin);
    return { mixed: [...new Set(mixed)], csp: [...new Set(csp)], unpinned };
  } finally {
    await context.close();
  }
}

/** After signing in through the page: values page scripts can read that look like sessions or tokens. */
export async function readableTokens(browser: Browser, plan: ProbePlan, t: BrowserTarget): Promise<string[]> {
  const login = plan.browserLogin!;
  const context = await browser.newContext({ ignoreHTTPSErrors: t.ignoreCertificateErrors });
  const page: Page = await context.newPage();
  try {
    await page.goto(routeUrl(plan.baseUrl, login.page).toString(), { waitUntil: "load", timeout: t.timeoutMs });
    await page.fill(login.username, plan.credentials.a.username);
    await page.fill(login.password, plan.credentials.a.password);
    await page.click(login.submit);
    if (login.waitFor) await page.waitForSelector(login.waitFor, { timeout: t.timeoutMs });
    else await page.waitForLoadState("networkidle", { timeout: t.timeoutMs });
    // Runs in the page: plain JavaScript only (no syntax our TypeScript hook would rewrite into helpers).
    const storage = (await page.evaluate(`(() => {
      const all = (s, where) => Array.from({ length: s.length }, (_, i) => ({ where, key: String(s.key(i)), value: String(s.getItem(String(s.key(i)))) }));
      const cookies = document.cookie.split(";").filter(Boolean).map((c) => ({ where: "document.cookie", key: c.split("=")[0].trim(), value: c.slice(c.indexOf("=") + 1) }));
      return all(localStorage, "localStorage").concat(all(sessionStorage, "sessionStorage"), cookies);
    })()`)) as Array<{ where: string; key: string; value: string }>;
    return storage.filter((e) => JWT.test(e.value) || (SESSION_NAME.test(e.key) && e.value.length >= 16)).map((e) => `${e.where} "${e.key}" (${JWT.test(e.value) ? "a JWT" : "a session-named value"}, ${e.value.length} characters, not shown)`);
  } finally {
    await context.close();
  }
}

export type { CheckResult };
