import { debugLeaks } from "../error-pages";
import { fetchOnce, headerValue, lookupHost } from "../http";
import type { Check, VerifyContext } from "../types";

const get = (ctx: VerifyContext, url: string, headers?: Record<string, string>) => fetchOnce(url, { headers, ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs });

export const headersSecurity: Check = {
  id: "headers.security",
  needs: "url",
  area: "Transport security",
  runbook: "redirect-loop-or-hsts-lock-in",
  async run(ctx) {
    const res = await get(ctx, ctx.url!);
    const csp = headerValue(res.headers, "content-security-policy");
    const missing = [
      !csp && "Content-Security-Policy",
      headerValue(res.headers, "x-content-type-options").toLowerCase() !== "nosniff" && "X-Content-Type-Options: nosniff",
      !/frame-ancestors/i.test(csp) && !/^(deny|sameorigin)$/i.test(headerValue(res.headers, "x-frame-options")) && "frame-ancestors or X-Frame-Options",
      !headerValue(res.headers, "referrer-policy") && "Referrer-Policy",
    ].filter((x): x is string => !!x);
    return missing.length ? { status: "fail", summary: `missing ${missing.join(", ")}`, evidence: missing } : { status: "pass", summary: "CSP, nosniff, framing and referrer policies are set", evidence: [] };
  },
};

export const headersCookies: Check = {
  id: "headers.cookies",
  needs: "url",
  area: "CORS and CSRF",
  runbook: "secret-exposed",
  async run(ctx) {
    const res = await get(ctx, ctx.url!);
    const cookies = [res.headers["set-cookie"] ?? []].flat();
    if (cookies.length === 0) return { status: "pass", summary: "the page sets no cookie", evidence: [] };
    const weak = cookies
      .map((c) => ({ name: c.split("=")[0], flags: c.toLowerCase() }))
      .map((c) => ({ name: c.name, missing: [!/;\s*secure/.test(c.flags) && "Secure", !/;\s*httponly/.test(c.flags) && "HttpOnly", !/;\s*samesite=(lax|strict)/.test(c.flags) && "SameSite"].filter(Boolean) }))
      .filter((c) => c.missing.length);
    const evidence = weak.map((c) => `${c.name}: missing ${c.missing.join(", ")}`);
    return weak.length ? { status: "fail", summary: `cookies without Secure, HttpOnly or SameSite: ${weak.map((c) => c.name).join(", ")}`, evidence } : { status: "pass", summary: "every cookie is Secure, HttpOnly and SameSite", evidence: [] };
  },
};

const UNTRUSTED = "https://untrusted-origin.example.net";

export const corsUntrustedOrigin: Check = {
  id: "cors.untrusted-origin",
  needs: "url",
  area: "CORS and CSRF",
  runbook: "secret-exposed",
  async run(ctx) {
    const res = await get(ctx, ctx.url!, { Origin: UNTRUSTED });
    const allow = headerValue(res.headers, "access-control-allow-origin");
    const credentials = headerValue(res.headers, "access-control-allow-credentials").toLowerCase() === "true";
    const evidence = [`Origin: ${UNTRUSTED} -> Access-Control-Allow-Origin: ${allow || "(none)"}, credentials: ${credentials}`];
    if ((allow === UNTRUSTED || allow === "*") && credentials) return { status: "fail", summary: "an arbitrary origin is allowed with credentials", evidence };
    if (allow === UNTRUSTED) return { status: "warn", summary: "an arbitrary origin is reflected (without credentials)", evidence };
    return { status: "pass", summary: "an untrusted origin is not allowed", evidence };
  },
};

export const debugExposure: Check = {
  id: "debug.exposure",
  needs: "url",
  area: "Deployment hygiene",
  runbook: "policy-gate-blocked-deploy",
  async run(ctx) {
    const res = await get(ctx, new URL("/__launch-baseline-missing-page", ctx.url!).toString());
    const found = debugLeaks(res.body);
    const banner = [headerValue(res.headers, "x-powered-by"), /\d/.test(headerValue(res.headers, "server")) ? headerValue(res.headers, "server") : ""].filter(Boolean);
    const evidence = [`GET a missing page -> ${res.status}`, ...found.map((f) => `body shows ${f}`), ...banner.map((b) => `banner: ${b}`)];
    if (found.length) return { status: "fail", summary: `error pages show ${found.join(", ")}`, evidence };
    if (banner.length) return { status: "warn", summary: `the server announces ${banner.join(", ")}`, evidence };
    return { status: "pass", summary: "error pages show no stack trace, debug page or version banner", evidence };
  },
};
