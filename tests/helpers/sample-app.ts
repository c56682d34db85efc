import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { appendFileSync } from "node:fs";
import finalhandler from "finalhandler";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";

// A small community API, served over HTTPS on 127.0.0.1, with the flaws reviewers find switchable
// one by one. Fixed, it does what the probes expect: HS256 tokens with exp and jti, logout that
// revokes, org-scoped posts, a CSRF token for cookie sessions, a login limit with Retry-After,
// strict JSON validation and a body limit. Keys and passwords are made at run time.

export type AppFlaw =
  | "any-password"
  | "open-me"
  | "logout-ignored"
  | "alg-none"
  | "exp-ignored"
  | "idor-posts"
  | "admin-open"
  | "csrf-unprotected"
  | "samesite-none"
  | "no-login-rate-limit"
  | "no-retry-after"
  | "stack-trace-on-bad-json"
  | "no-type-checks"
  | "no-body-limit"
  | "unknown-fields-accepted"
  | "slow-feed"
  | "batch-unfiltered"
  | "admin-decoded-claims"
  | "express-error-page"
  | "reset-link-reusable"
  | "no-cache-control"
  | "shared-cache-by-extension"
  | "reset-link-not-superseded"
  // Security-log flaws (with securityLog set), as real loggers get them wrong:
  | "log-password"
  | "log-auth-header"
  | "log-session-cookie"
  | "no-authz-log"
  | "log-email-userid";

export interface SampleAppOptions {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly carrier: "bearer" | "cookie";
  readonly flaws?: readonly AppFlaw[];
  /** Login attempts allowed per minute per address. */
  readonly loginLimit?: number;
  /** Drop the connection on a body over the limit instead of answering 413 (a valid refusal too). */
  readonly resetOversized?: boolean;
  /** Milliseconds the feed takes (the slow-feed flaw makes it 600). */
  readonly feedDelayMs?: number;
  /** Where to write the security log, one JSON line per event in the README's contract. */
  readonly securityLog?: string;
  /** Sends a mail (password-reset links) as the app's mailer would; without it no mail goes out. */
  readonly mail?: (to: string, message: string) => void;
}

export interface SampleApp {
  readonly port: number;
  readonly users: { readonly a: { email: string; password: string }; readonly b: { email: string; password: string }; readonly reset: { email: string; password: string } };
  /** A token signed by the app's key whose exp has passed (what auth.expiredTokenEnv takes). */
  expiredToken(): string;
  /** Requests per route ("METHOD /path"), to assert what the probes sent. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

interface Claims {
  sub: string;
  org: string;
  role: string;
  jti: string;
  exp: number;
}

const BODY_LIMIT = 64 * 1024;

export async function startSampleApp(opts: SampleAppOptions): Promise<SampleApp> {
  const flaw = (f: AppFlaw) => opts.flaws?.includes(f) ?? false;
  const signingKey = randomBytes(32);
  const users = {
    a: { email: "alice@acme.test", password: randomBytes(12).toString("base64url"), id: "u-alice", org: "acme" },
    b: { email: "bob@globex.test", password: randomBytes(12).toString("base64url"), id: "u-bob", org: "globex" },
    reset: { email: "carol@acme.test", password: randomBytes(12).toString("base64url"), id: "u-carol", org: "acme" },
  };
  // Reset tokens: the newest per user is the only valid one (unless a flaw says otherwise).
  const resetTokens = new Map<string, { user: (typeof users)["a"]; used: boolean; newest: boolean; issued: number }>();
  const posts = new Map([
    ["101", { id: "101", org: "acme", title: "Welcome to Acme", text: "hello" }],
    ["202", { id: "202", org: "globex", title: "Globex news", text: "hi" }],
  ]);
  const revoked = new Set<string>();
  const loginAttempts = new Map<string, number[]>();
  const hits = new Map<string, number>();

  const b64 = (x: Buffer | string) => Buffer.from(x).toString("base64url");
  const sign = (claims: Claims) => {
    const head = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(JSON.stringify(claims))}`;
    return `${head}.${b64(createHmac("sha256", signingKey).update(head).digest())}`;
  };
  const issue = (u: (typeof users)["a"], exp = Math.floor(Date.now() / 1000) + 900) => sign({ sub: u.id, org: u.org, role: "member", jti: randomUUID(), exp });

  function verify(token: string | undefined): Claims | undefined {
    const [h, p, s] = token?.split(".") ?? [];
    if (!h || !p || s === undefined) return undefined;
    let header: { alg?: string };
    let claims: Claims;
    try {
      header = JSON.parse(Buffer.from(h, "base64url").toString());
      claims = JSON.parse(Buffer.from(p, "base64url").toString());
    } catch {
      return undefined;
    }
    if (header.alg === "none") {
      if (!flaw("alg-none")) return undefined;
    } else {
      const want = createHmac("sha256", signingKey).update(`${h}.${p}`).digest();
      const got = Buffer.from(s, "base64url");
      if (header.alg !== "HS256" || got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
    }
    if (!flaw("exp-ignored") && !(claims.exp > Date.now() / 1000)) return undefined;
    if (!flaw("logout-ignored") && revoked.has(claims.jti)) return undefined;
    return claims;
  }

  const cookies = (req: IncomingMessage) => Object.fromEntries((req.headers.cookie ?? "").split(";").map((c) => c.trim().split("=")).filter((kv) => kv.length === 2));
  const tokenOf = (req: IncomingMessage) => (opts.carrier === "bearer" ? /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] : cookies(req).session);

  /** One event of the security log contract (OWASP vocabulary), as the fixed app writes it. */
  function securityEvent(req: IncomingMessage, event: string, level: "INFO" | "WARN" | "CRITICAL", description: string, extra: Record<string, unknown> = {}) {
    if (!opts.securityLog) return;
    const line: Record<string, unknown> = {
      datetime: new Date().toISOString(),
      appid: "community",
      event,
      level,
      description,
      source_ip: req.socket.remoteAddress ?? "unknown",
      request_uri: req.url ?? "/",
      request_method: req.method ?? "GET",
      useragent: req.headers["user-agent"] ?? "",
      ...extra,
    };
    if (flaw("log-auth-header") && req.headers.authorization) line.authorization = req.headers.authorization;
    if (flaw("log-session-cookie") && req.headers.cookie) line.cookie = req.headers.cookie;
    appendFileSync(opts.securityLog, `${JSON.stringify(line)}\n`);
  }
  const userid = (u: { id: string; email: string } | undefined) => (!u ? "unknown" : flaw("log-email-userid") ? u.email : u.id);
  const authzFail = (req: IncomingMessage, who: Claims, resource: string) => !flaw("no-authz-log") && securityEvent(req, `authz_fail:${flaw("log-email-userid") ? Object.values(users).find((u) => u.id === who.sub)!.email : who.sub},${resource}`, "CRITICAL", `User ${who.sub} refused ${resource}`);

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string | string[]> = {}) {
    // Every API answer may be someone's: never stored by a shared cache (unless the flaw says so).
    res.writeHead(status, { "content-type": "application/json", ...(flaw("no-cache-control") ? {} : { "cache-control": "no-store" }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /** The body as JSON: 413 over the limit, 400 when malformed (500 with a stack under the flaw). */
  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<{ ok: true; value: unknown } | { ok: false }> {
    const limit = flaw("no-body-limit") ? 8 * 1024 * 1024 : BODY_LIMIT;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req as AsyncIterable<Buffer>) {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (opts.resetOversized) {
        req.socket.destroy();
        return { ok: false };
      }
    }
    if (size > limit) {
      securityEvent(req, "input_validation_fail:body,anonymous", "WARN", `Body of ${req.method} over ${limit} bytes`);
      send(res, 413, { error: "body too large" });
      return { ok: false };
    }
    const text = Buffer.concat(chunks).toString("utf8");
    try {
      return { ok: true, value: text ? JSON.parse(text) : {} };
    } catch (e) {
      securityEvent(req, "input_validation_fail:body,anonymous", "WARN", `Body of ${req.method} ${new URL(req.url ?? "/", "https://x").pathname} did not parse`);
      // Express's own responder, as an Express app outside production answers a body-parser error.
      if (flaw("express-error-page")) finalhandler(req, res, { env: "test" })(Object.assign(e as Error, { status: 400 }));
      else if (flaw("stack-trace-on-bad-json")) send(res, 500, { error: String(e), stack: (e as Error).stack });
      else send(res, 400, { error: "malformed JSON" });
      return { ok: false };
    }
  }

  /** Validates an object against string fields; 400 names the first problem. */
  function fields(req: IncomingMessage, res: ServerResponse, v: unknown, spec: Record<string, (s: string) => boolean>): Record<string, string> | undefined {
    const o = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    const problem = !o
      ? "body must be an object"
      : (!flaw("unknown-fields-accepted") && Object.keys(o).find((k) => !(k in spec)) && `unknown field ${Object.keys(o).find((k) => !(k in spec))}`) ||
        Object.entries(spec)
          .map(([k, ok]) => (flaw("no-type-checks") ? (o[k] === undefined ? `${k} is required` : "") : typeof o[k] !== "string" ? `${k} must be a string` : !ok(o[k] as string) ? `${k} is invalid` : ""))
          .find(Boolean);
    if (problem) {
      const field = problem.startsWith("unknown field ") ? problem.slice(14) : problem.split(" ")[0];
      securityEvent(req, `input_validation_fail:${field},anonymous`, "WARN", "A field did not validate");
      send(res, 400, { error: problem });
      return undefined;
    }
    return Object.fromEntries(Object.keys(spec).map((k) => [k, String(o![k])]));
  }

  function loginLimited(req: IncomingMessage, res: ServerResponse): boolean {
    if (flaw("no-login-rate-limit")) return false;
    const ip = req.socket.remoteAddress ?? "?";
    const now = Date.now();
    const recent = (loginAttempts.get(ip) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    loginAttempts.set(ip, recent);
    if (recent.length <= (opts.loginLimit ?? 10)) return false;
    securityEvent(req, `excess_rate_limit_exceeded:${ip},${opts.loginLimit ?? 10}`, "WARN", "Client over the sign-in limit");
    send(res, 429, { error: "rate_limited", retry_after_seconds: 60 }, flaw("no-retry-after") ? {} : { "retry-after": "60" });
    return true;
  }

  const visible = (post: { org: string }, who: Claims) => flaw("idor-posts") || post.org === who.org;
  const postOr404 = (req: IncomingMessage, res: ServerResponse, id: unknown, who: Claims) => {
    const post = typeof id === "string" ? posts.get(id) : undefined;
    if (post && visible(post, who)) return post;
    if (post) authzFail(req, who, `/api/posts/${post.id}`);
    send(res, 404, { error: "not found" });
    return undefined;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "https://app.probe.test");
    const method = req.method ?? "GET";
    const route = `${method} ${url.pathname.replace(/\/\d+$/, "/{id}")}`;
    hits.set(route, (hits.get(route) ?? 0) + 1);

    if (route === "POST /api/auth/login") {
      if (loginLimited(req, res)) return;
      const body = await readJson(req, res);
      if (!body.ok) return;
      const { email, password } = (body.value ?? {}) as Record<string, unknown>;
      const user = Object.values(users).find((u) => u.email === email);
      if (!user || (password !== user.password && !flaw("any-password"))) {
        securityEvent(req, `authn_login_fail:${userid(user)}`, "WARN", "Sign-in refused", flaw("log-password") ? { password } : {});
        return send(res, 401, { error: "invalid credentials" });
      }
      securityEvent(req, `authn_login_success:${userid(user)}`, "INFO", "Signed in");
      const token = issue(user);
      if (opts.carrier === "bearer") return send(res, 200, { token });
      const csrf = randomBytes(16).toString("base64url");
      const sameSite = flaw("samesite-none") ? "None" : "Lax";
      return send(res, 200, { csrfToken: csrf }, { "set-cookie": [`session=${token}; Path=/; HttpOnly; Secure; SameSite=${sameSite}`, `csrf=${csrf}; Path=/; Secure; SameSite=${sameSite}`] });
    }
    if (route === "POST /api/auth/password-reset") {
      const body = await readJson(req, res);
      if (!body.ok) return;
      const user = Object.values(users).find((u) => u.email === (body.value as { email?: unknown })?.email);
      if (user && opts.mail) {
        for (const t of resetTokens.values()) if (t.user === user) t.newest = false;
        const token = randomBytes(24).toString("base64url");
        resetTokens.set(token, { user, used: false, newest: true, issued: Date.now() });
        // Quoted-printable, as mailers send HTML-ish text: the link's "=" travels as "=3D".
        const link = `https://app.probe.test:${port}/reset?token=${token}`;
        opts.mail(user.email, [`From: Community <no-reply@acme.test>`, `To: ${user.email}`, `Subject: Reset your password`, `Date: ${new Date().toUTCString()}`, `Message-ID: <${randomUUID()}@acme.test>`, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", `Reset your password: ${link.replace(/=/g, "=3D")}`, "", "The link works once, for 30 minutes.", ""].join("\n"));
      }
      // The same answer whether or not the address has an account.
      return send(res, 202, { status: "if the address has an account, a link is on its way" });
    }
    if (route === "POST /api/auth/password-reset/confirm") {
      const body = await readJson(req, res);
      if (!body.ok) return;
      const { token, password } = (body.value ?? {}) as { token?: unknown; password?: unknown };
      const t = typeof token === "string" ? resetTokens.get(token) : undefined;
      const valid = t && (!t.used || flaw("reset-link-reusable")) && (t.newest || flaw("reset-link-not-superseded")) && Date.now() - t.issued < 30 * 60_000;
      if (!valid || typeof password !== "string" || password.length < 12) {
        securityEvent(req, "authn_password_change_fail:unknown", "CRITICAL", "A reset link that is not valid was used");
        return send(res, 400, { error: "invalid or expired link" });
      }
      t.used = true;
      t.user.password = password;
      securityEvent(req, `authn_password_change:${t.user.id}`, "INFO", "Password reset");
      return send(res, 204);
    }
    if (route === "POST /api/auth/signup") {
      const body = await readJson(req, res);
      if (!body.ok) return;
      const v = fields(req, res, body.value, { email: (s) => /^[^@\s]+@[^@\s]+$/.test(s), password: (s) => s.length >= 12, name: (s) => s.length > 0 && s.length <= 100 });
      return v && send(res, 201, { id: randomUUID() });
    }
    if (route === "GET /api/me" && flaw("open-me") && !tokenOf(req)) return send(res, 200, { id: "dev-user", org: "acme" });

    const presented = tokenOf(req);
    // The flaw: the admin route reads the role from the token without verifying it.
    if (route === "GET /api/admin/users" && flaw("admin-decoded-claims") && presented) {
      const role = (() => { try { return JSON.parse(Buffer.from(presented.split(".")[1] ?? "", "base64url").toString()).role; } catch { return undefined; } })();
      if (role === "admin") return send(res, 200, Object.values(users).map((u) => ({ id: u.id, email: u.email })));
    }
    const who = verify(presented);
    if (!who) {
      if (presented) securityEvent(req, "authn_token_invalid:unknown", "WARN", "A token that does not verify was presented");
      return send(res, 401, { error: "unauthenticated" });
    }
    // Cookie sessions: a state-changing request must come from our own pages, with the CSRF token.
    if (opts.carrier === "cookie" && method !== "GET" && method !== "HEAD" && !flaw("csrf-unprotected")) {
      const token = req.headers["x-csrf-token"];
      const origin = req.headers.origin;
      if ((origin && origin !== `https://app.probe.test:${port}`) || !token || token !== cookies(req).csrf) {
        securityEvent(req, `csrf_token_fail:${who.sub}`, "WARN", "A state change without a valid CSRF token");
        return send(res, 403, { error: "csrf" });
      }
    }

    if (route === "POST /api/auth/logout") {
      revoked.add(who.jti);
      return send(res, 204);
    }
    if (route === "GET /api/me") return send(res, 200, { id: who.sub, org: who.org });
    if (route === "GET /api/admin/users") {
      if (who.role === "admin" || flaw("admin-open")) return send(res, 200, Object.values(users).map((u) => ({ id: u.id, email: u.email })));
      authzFail(req, who, "/api/admin/users");
      return send(res, 403, { error: "forbidden" });
    }
    if (route === "GET /api/posts" && url.searchParams.has("id")) {
      const post = postOr404(req, res, url.searchParams.get("id"), who);
      return post && send(res, 200, post);
    }
    if (route === "GET /api/posts") {
      await new Promise((r) => setTimeout(r, flaw("slow-feed") ? 600 : (opts.feedDelayMs ?? 20)));
      return send(res, 200, [...posts.values()].filter((p) => p.org === who.org));
    }
    if (route === "POST /api/posts/lookup") {
      const body = await readJson(req, res);
      if (!body.ok) return;
      const post = postOr404(req, res, (body.value as { id?: unknown } | null)?.id, who);
      return post && send(res, 200, post);
    }
    if (route === "POST /api/posts") {
      const body = await readJson(req, res);
      if (!body.ok) return;
      const v = fields(req, res, body.value, { title: (s) => s.length > 0 && s.length <= 200, text: () => true });
      if (!v) return;
      const id = String(300 + posts.size);
      posts.set(id, { id, org: who.org, title: v.title, text: v.text });
      return send(res, 201, { id });
    }
    if (route === "GET /api/posts/batch" || route === "POST /api/posts/search") {
      let ids: unknown = url.searchParams.get("ids")?.split(",");
      if (method === "POST") {
        const body = await readJson(req, res);
        if (!body.ok) return;
        ids = (body.value as { ids?: unknown } | null)?.ids;
      }
      if (!Array.isArray(ids)) return send(res, 400, { error: "ids must be a list" });
      const asked = ids.map((i) => posts.get(String(i))).filter((p): p is NonNullable<typeof p> => p !== undefined);
      // The fixed app filters to the caller's org (and logs the attempt); the flaw forgets to.
      for (const p of asked.filter((x) => x.org !== who.org && !flaw("batch-unfiltered"))) authzFail(req, who, `/api/posts/${p.id}`);
      return send(res, 200, asked.filter((p) => flaw("batch-unfiltered") || p.org === who.org));
    }
    if (route.endsWith(" /api/posts/{id}")) {
      const post = postOr404(req, res, url.pathname.split("/").pop(), who);
      if (!post) return;
      if (method === "GET") return send(res, 200, post);
      if (method === "DELETE") {
        posts.delete(post.id);
        return send(res, 204);
      }
      if (method === "PATCH") {
        const body = await readJson(req, res);
        return body.ok ? send(res, 200, post) : undefined;
      }
    }
    send(res, 404, { error: "not found" });
  }

  // The flaw: a shared cache in front that stores by extension, and an app that routes
  // /api/me/anything to /api/me, as loose routers do.
  const shared = new Map<string, { status: number; headers: Record<string, string>; body: string }>();
  const staticLooking = (path: string) => /\.(?:css|js|png|jpg|svg|ico)$/.test(path);
  const server = createServer({ cert: opts.cert, key: opts.key, keepAliveTimeout: 5000 }, (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (flaw("shared-cache-by-extension") && staticLooking(path)) {
      const hit = shared.get(path);
      if (hit) return void res.writeHead(hit.status, hit.headers).end(hit.body);
      req.url = path.replace(/\/[^/]+$/, "");
      const chunks: Buffer[] = [];
      const [write, end] = [res.write.bind(res), res.end.bind(res)];
      res.write = ((c: Buffer | string) => (chunks.push(Buffer.from(c)), write(c))) as typeof res.write;
      res.end = ((c?: Buffer | string) => {
        if (c) chunks.push(Buffer.from(c));
        shared.set(path, { status: res.statusCode, headers: { "content-type": String(res.getHeader("content-type") ?? "") }, body: Buffer.concat(chunks).toString() });
        return end(c);
      }) as typeof res.end;
    }
    handle(req, res).catch((e) => send(res, 500, { error: String(e) }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    users,
    hits,
    expiredToken: () => issue(users.a, Math.floor(Date.now() / 1000) - 60),
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
