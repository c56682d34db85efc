import { checkServerIdentity, connect, type PeerCertificate, type SecureVersion } from "node:tls";
import { fetchOnce, lookupHost } from "../http";
import type { Check, VerifyContext } from "../types";

const target = (ctx: VerifyContext) => {
  const u = new URL(ctx.url!);
  const port = Number(u.port || 443);
  return { u, host: u.hostname, port, pinned: ctx.resolve.get(`${u.hostname}:${port}`) };
};
const http = (ctx: VerifyContext, url: string, init: { headers?: Record<string, string> } = {}) => fetchOnce(url, { ...init, ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs });

/** A TLS handshake pinned to one protocol version; resolves with the certificate or the error. */
async function handshake(ctx: VerifyContext, version: SecureVersion): Promise<{ ok: true; cert: PeerCertificate; authorized: boolean; error?: string } | { ok: false; error: string }> {
  const t = target(ctx);
  let address: string;
  try {
    address = t.pinned ?? (await lookupHost(ctx, t.host));
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  return new Promise((resolve) => {
    // Old versions need the lowest security level to be attempted at all by this client.
    const socket = connect({ host: address, port: t.port, servername: t.host, minVersion: version, maxVersion: version, ca: ctx.ca, rejectUnauthorized: false, ...(version === "TLSv1" || version === "TLSv1.1" ? { ciphers: "DEFAULT@SECLEVEL=0" } : {}) });
    const timer = setTimeout(() => socket.destroy(new Error(`no TLS answer within ${ctx.timeoutMs} ms`)), ctx.timeoutMs);
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      resolve({ ok: true, cert: socket.getPeerCertificate(), authorized: socket.authorized, error: socket.authorizationError ? String(socket.authorizationError) : undefined });
      socket.end();
    });
    socket.once("error", (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: e.message });
    });
  });
}

export const transportHttpsRedirect: Check = {
  id: "transport.https-redirect",
  needs: "url",
  area: "Transport security",
  runbook: "redirect-loop-or-hsts-lock-in",
  async run(ctx) {
    const { u, host } = target(ctx);
    const plain = `http://${host}${ctx.httpPort === 80 ? "" : `:${ctx.httpPort}`}${u.pathname}`;
    const res = await http(ctx, plain);
    const location = String(res.headers.location ?? "");
    const evidence = [`GET ${plain} -> ${res.status}${location ? ` ${location}` : ""}`];
    const toHttps = location.startsWith(`https://${host}/`) || location.startsWith(`https://${host}:`) || location === `https://${host}`;
    if (!toHttps) return { status: "fail", summary: `plain HTTP is not redirected to https://${host}`, evidence };
    return [301, 308].includes(res.status) ? { status: "pass", summary: `plain HTTP redirects permanently (${res.status}) to HTTPS on the same host`, evidence } : { status: "warn", summary: `the redirect to HTTPS is not permanent (${res.status})`, evidence };
  },
};

export const transportHsts: Check = {
  id: "transport.hsts",
  needs: "url",
  area: "Transport security",
  runbook: "redirect-loop-or-hsts-lock-in",
  async run(ctx) {
    const res = await http(ctx, ctx.url!);
    const header = String(res.headers["strict-transport-security"] ?? "");
    if (!header) return { status: "fail", summary: "no Strict-Transport-Security header", evidence: [] };
    const maxAge = Number(/max-age=(\d+)/i.exec(header)?.[1] ?? 0);
    const evidence = [header, `includeSubDomains: ${/includesubdomains/i.test(header) ? "yes" : "no"}`, `preload: ${/preload/i.test(header) ? "yes" : "no"}`];
    return maxAge >= 31536000 ? { status: "pass", summary: `HSTS max-age ${maxAge} s`, evidence } : { status: "warn", summary: `HSTS max-age is ${maxAge} s, under a year`, evidence };
  },
};

export const transportTlsVersions: Check = {
  id: "transport.tls-versions",
  needs: "url",
  area: "Transport security",
  runbook: "tls-certificate-failure",
  async run(ctx) {
    const results = await Promise.all((["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const).map(async (v) => [v, (await handshake(ctx, v)).ok] as const));
    const evidence = results.map(([v, ok]) => `${v}: ${ok ? "accepted" : "refused"}`);
    const ok = Object.fromEntries(results);
    if (ok.TLSv1 || ok["TLSv1.1"]) return { status: "fail", summary: "TLS 1.0 or 1.1 is still accepted", evidence };
    if (!ok["TLSv1.2"]) return { status: "fail", summary: "TLS 1.2 is refused: older clients cannot connect", evidence };
    return ok["TLSv1.3"] ? { status: "pass", summary: "TLS 1.2 and 1.3 only", evidence } : { status: "warn", summary: "TLS 1.3 is not offered", evidence };
  },
};

export const transportCertificate: Check = {
  id: "transport.certificate",
  needs: "url",
  area: "Transport security",
  runbook: "tls-certificate-failure",
  async run(ctx) {
    const { host } = target(ctx);
    const h = await handshake(ctx, "TLSv1.3").then((r) => (r.ok ? r : handshake(ctx, "TLSv1.2")));
    if (!h.ok) return { status: "fail", summary: `no TLS handshake: ${h.error}`, evidence: [] };
    const days = Math.floor((new Date(h.cert.valid_to).getTime() - Date.now()) / 86_400_000);
    const evidence = [`subject ${h.cert.subject?.CN ?? "?"}`, `issuer ${h.cert.issuer?.CN ?? "?"}`, `valid to ${h.cert.valid_to} (${days} days)`];
    const mismatch = checkServerIdentity(host, h.cert);
    if (mismatch) return { status: "fail", summary: `the certificate is not valid for ${host}`, evidence: [...evidence, mismatch.message] };
    if (!h.authorized) return { status: "fail", summary: `the certificate chain does not validate: ${h.error}`, evidence };
    if (days < 7) return { status: "fail", summary: `the certificate expires in ${days} days`, evidence };
    if (days < 21) return { status: "warn", summary: `the certificate expires in ${days} days`, evidence };
    return { status: "pass", summary: `valid for ${host}, ${days} days left`, evidence };
  },
};
