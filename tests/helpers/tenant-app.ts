import { createSecretKey, generateKeyPairSync, randomBytes, randomUUID, scryptSync, timingSafeEqual, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import session from "express-session";
import jwt from "jsonwebtoken";
import { weakSecrets } from "../../lib/probes/weak-keys";

// A multi-tenant workspace API on Express 5, written apart from the probes as a team would write
// theirs: organisations with projects, threads and replies, invites, signup and password change.
// Bearer tokens are jsonwebtoken JWTs with refresh tokens; cookie sessions are express-session.
// Each flaw is one a security review finds in such apps, switchable one by one; fixed, it does
// what a careful team does. Keys, passwords and tokens are made at run time.

export type TenantFlaw =
  | "tenant-header" // the org comes from X-Org-Id when sent, over the session's
  | "tenant-query" // ... from ?org=
  | "tenant-path" // /orgs/:org/members serves any org named in the path
  | "tenant-write" // a new project goes to the org named in X-Org-Id or the body's orgId
  | "children-unscoped" // a thread's replies are served whoever asks
  | "owner-refused" // threads answer 403 to everyone, owner included (a misconfigured role)
  | "session-fixation" // login keeps the session id set before it
  | "insecure-cookie" // the session cookie lacks Secure, HttpOnly and SameSite
  | "weak-session-id" // session ids count up
  | "logout-kept" // logout answers 200 but keeps the session
  | "enum-status" // login answers 404 for an unknown account
  | "enum-body" // password reset says when no account exists
  | "enum-timing" // login hashes only for a known account
  | "enum-signup" // signup says the address is taken
  | "refresh-not-rotated" // refresh hands back the same refresh token
  | "refresh-reusable" // a used refresh token still works
  | "access-no-exp" // access tokens never expire
  | "exp-ignored" // expired access tokens are accepted
  | "weak-hmac-key" // tokens are signed with a key from a public list
  | "alg-confusion" // RS256 tokens, but the verifier takes the token's alg and the public key as an HMAC key
  | "kid-path" // the HMAC key is read from a file named by the token's kid
  | "invite-reusable" // an invite can be accepted twice
  | "invite-any-email" // an invite works for any e-mail
  | "signup-mass-assign" // signup copies role and orgId from the body
  | "password-change-no-current" // a password change needs no current password
  | "password-change-keeps-sessions"; // ... and other sessions survive it

export type Shape = "plain" | "envelope" | "jsonapi" | "hal" | "graphql";

export interface TenantAppOptions {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly carrier: "bearer" | "cookie";
  readonly flaws?: readonly TenantFlaw[];
  /** How threads are wrapped in responses. */
  readonly shape?: Shape;
  /** scrypt cost as log2(N): the work a login with a known account does (enum-timing skips it for unknown ones). */
  readonly hashCost?: number;
}

interface User {
  id: string;
  email: string;
  name: string;
  org: string;
  role: string;
  hash: Buffer;
  salt: Buffer;
}

export interface TenantApp {
  readonly port: number;
  readonly orgs: { readonly a: string; readonly b: string };
  readonly users: { readonly a: { email: string; password: string }; readonly b: { email: string; password: string } };
  readonly threads: { readonly a: string; readonly b: string };
  /** An access token the app signed whose exp has passed (bearer). */
  expiredToken(): string;
  close(): Promise<void>;
}

const SESSION_COOKIE = "sid";

export async function startTenantApp(opts: TenantAppOptions): Promise<TenantApp> {
  const flaws = new Set(opts.flaws ?? []);
  const has = (f: TenantFlaw) => flaws.has(f);
  const cost = 2 ** (opts.hashCost ?? 13);
  const hash = (password: string, salt: Buffer) => scryptSync(password, salt, 32, { N: cost });
  // A dummy hash for unknown accounts, so a fixed login costs the same either way.
  const dummySalt = randomBytes(16);
  const dummyHash = hash(randomBytes(12).toString("hex"), dummySalt);

  const orgs = { a: `org_${randomBytes(4).toString("hex")}`, b: `org_${randomBytes(4).toString("hex")}` };
  const users = new Map<string, User>();
  const addUser = (email: string, password: string, name: string, org: string, role = "member"): User => {
    const salt = randomBytes(16);
    const u = { id: `usr_${randomBytes(5).toString("hex")}`, email, name, org, role, salt, hash: hash(password, salt) };
    users.set(email, u);
    return u;
  };
  const creds = { a: { email: "avery@north.test", password: randomBytes(12).toString("base64url") }, b: { email: "blake@south.test", password: randomBytes(12).toString("base64url") } };
  addUser(creds.a.email, creds.a.password, "Avery North", orgs.a, "owner");
  addUser(creds.b.email, creds.b.password, "Blake South", orgs.b, "owner");
  const projects: Array<{ id: string; org: string; name: string }> = [
    { id: "prj_1", org: orgs.a, name: "North launch plan" },
    { id: "prj_2", org: orgs.b, name: "South pricing review" },
  ];
  const threads = [
    { id: "thr_a1", org: orgs.a, title: "Quarterly roadmap for North", tags: ["roadmap", "north-only"] },
    { id: "thr_b1", org: orgs.b, title: "Supplier contracts at South", tags: ["contracts"] },
  ];
  const replies = [
    { id: "rep_1", thread: "thr_a1", author: creds.a.email, text: "Draft the milestones by Friday" },
    { id: "rep_2", thread: "thr_b1", author: creds.b.email, text: "Legal reviews the terms next week" },
  ];
  const invites = new Map<string, { email: string; org: string; used: boolean }>();

  // Signing: HS256 with a random key, a listed weak key, a key file named by kid, or RS256.
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
  const hmacKey = has("weak-hmac-key") ? weakSecrets()[4242] : randomBytes(32).toString("hex");
  const keysDir = join(__dirname, "..", "..", "lib", "probes", "data");
  const rs = has("alg-confusion");
  const signOpts = (): jwt.SignOptions => (rs ? { algorithm: "RS256", keyid: "rsa-1" } : has("kid-path") ? { algorithm: "HS256", keyid: "NOTICE.md" } : { algorithm: "HS256" });
  const signKey = (): string | KeyObject => (rs ? rsa.privateKey : has("kid-path") ? readFileSync(join(keysDir, "NOTICE.md"), "utf8") : hmacKey);
  const verifyKey = (header: jwt.JwtHeader): KeyObject | string => {
    if (rs) return header.alg?.startsWith("HS") ? createSecretKey(Buffer.from(publicPem)) : rsa.publicKey;
    if (has("kid-path") && header.kid) return createSecretKey(readFileSync(join(keysDir, header.kid)));
    return hmacKey;
  };
  const revoked = new Set<string>();
  const issued = new Map<string, string[]>();
  const refreshTokens = new Map<string, { email: string; used: boolean }>();
  const issue = (u: User, expSeconds = 900) => {
    const claims = { sub: u.id, org: u.org, role: u.role, jti: randomUUID() };
    issued.set(u.id, [...(issued.get(u.id) ?? []), claims.jti]);
    const access = jwt.sign(claims, signKey(), { ...signOpts(), ...(has("access-no-exp") ? {} : { expiresIn: expSeconds }) });
    const refresh = randomBytes(24).toString("base64url");
    refreshTokens.set(refresh, { email: u.email, used: false });
    return { access, refresh };
  };

  let counter = 1000;
  const app = express();
  app.use(express.json({ limit: "64kb" }));
  if (opts.carrier === "cookie") {
    app.use(
      session({
        name: SESSION_COOKIE,
        secret: randomBytes(32).toString("hex"),
        resave: false,
        saveUninitialized: true,
        ...(has("weak-session-id") ? { genid: () => `s${++counter}` } : {}),
        cookie: has("insecure-cookie") ? { secure: false, httpOnly: false } : { secure: true, httpOnly: true, sameSite: "lax" },
      }),
    );
  }

  /** The signed-in user, or undefined. */
  const current = (req: Request): User | undefined => {
    if (opts.carrier === "cookie") {
      const email = (req.session as unknown as { email?: string }).email;
      return email ? users.get(email) : undefined;
    }
    const token = /^Bearer (.+)$/.exec(req.get("authorization") ?? "")?.[1];
    if (!token) return undefined;
    try {
      const decoded = jwt.decode(token, { complete: true });
      if (!decoded || typeof decoded.payload === "string") return undefined;
      const alg = decoded.header.alg;
      const claims = jwt.verify(token, verifyKey(decoded.header), { algorithms: rs ? ["RS256", "HS256"] : ["HS256"], ignoreExpiration: has("exp-ignored") }) as jwt.JwtPayload;
      if (rs && alg !== "RS256" && alg !== "HS256") return undefined;
      if (revoked.has(String(claims.jti))) return undefined;
      return [...users.values()].find((u) => u.id === claims.sub);
    } catch {
      return undefined;
    }
  };
  const auth = (req: Request, res: Response, next: NextFunction) => {
    const u = current(req);
    if (!u) return void res.status(401).json({ error: "sign in first" });
    res.locals.user = u;
    next();
  };
  const me = (res: Response) => res.locals.user as User;
  /** The org a request acts in: the session's, unless a flaw lets the client choose. */
  const tenant = (req: Request, res: Response): string => {
    if (has("tenant-header") && req.get("x-org-id")) return req.get("x-org-id")!;
    if (has("tenant-query") && typeof req.query.org === "string") return req.query.org;
    return me(res).org;
  };
  const wrap = (t: (typeof threads)[number]) => {
    const attrs = { title: t.title, tags: t.tags };
    switch (opts.shape ?? "plain") {
      case "envelope":
        return { data: { id: t.id, ...attrs }, next: null };
      case "jsonapi":
        return { data: { type: "threads", id: t.id, attributes: attrs, relationships: { replies: { links: { related: `/api/threads/${t.id}/replies` } } } } };
      case "hal":
        return { id: t.id, ...attrs, _links: { self: { href: `/api/threads/${t.id}` } } };
      case "graphql":
        return { data: { thread: { id: t.id, ...attrs } } };
      default:
        return { id: t.id, ...attrs };
    }
  };

  app.get("/", (_req, res) => void res.json({ app: "workspace" }));

  const verifyPassword = (u: User | undefined, password: string) => {
    if (!u) {
      if (!has("enum-timing")) hash(password, dummySalt).equals(dummyHash);
      return false;
    }
    return timingSafeEqual(hash(password, u.salt), u.hash);
  };
  app.post("/api/auth/login", (req, res) => {
    const { email, password } = req.body ?? {};
    const u = users.get(String(email));
    if (!u && has("enum-status")) {
      verifyPassword(u, String(password));
      return void res.status(404).json({ error: "invalid email or password" });
    }
    if (!verifyPassword(u, String(password))) return void res.status(401).json({ error: "invalid email or password" });
    if (opts.carrier === "bearer") return void res.json({ token: issue(u!).access, refreshToken: [...refreshTokens].at(-1)![0] });
    const signIn = () => {
      (req.session as unknown as { email: string }).email = u!.email;
      res.json({ ok: true });
    };
    if (has("session-fixation")) return signIn();
    req.session.regenerate((e) => (e ? res.status(500).json({ error: "session" }) : signIn()));
  });
  app.post("/api/auth/refresh", (req, res) => {
    const presented = String(req.body?.refreshToken ?? "");
    const entry = refreshTokens.get(presented);
    if (!entry || (entry.used && !has("refresh-reusable"))) return void res.status(401).json({ error: "invalid refresh token" });
    entry.used = true;
    const u = users.get(entry.email)!;
    const next = issue(u);
    if (has("refresh-not-rotated")) {
      refreshTokens.delete(next.refresh);
      entry.used = false;
      return void res.json({ token: next.access, refreshToken: presented });
    }
    res.json({ token: next.access, refreshToken: next.refresh });
  });
  app.post("/api/auth/logout", auth, (req, res) => {
    if (has("logout-kept")) return void res.json({ ok: true });
    if (opts.carrier === "cookie") return void req.session.destroy(() => res.json({ ok: true }));
    revoked.add(String((jwt.decode(req.get("authorization")!.slice(7)) as jwt.JwtPayload).jti));
    res.json({ ok: true });
  });
  app.post("/api/auth/signup", (req, res) => {
    const body = req.body ?? {};
    const email = String(body.email ?? "");
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || String(body.password ?? "").length < 10) return void res.status(400).json({ error: "email and a password of 10 characters or more" });
    if (users.has(email)) return void (has("enum-signup") ? res.status(409).json({ error: "this address is already registered" }) : res.status(202).json({ status: "check your inbox to finish signing up" }));
    const u = addUser(email, String(body.password), String(body.name ?? "member"), `org_${randomBytes(4).toString("hex")}`);
    if (has("signup-mass-assign")) Object.assign(u, Object.fromEntries(Object.entries(body).filter(([k]) => ["role", "org", "orgId"].includes(k)).map(([k, v]) => [k === "orgId" ? "org" : k, String(v)])));
    res.status(has("enum-signup") ? 201 : 202).json({ status: "check your inbox to finish signing up" });
  });
  app.post("/api/auth/reset", (req, res) => {
    const u = users.get(String(req.body?.email ?? ""));
    if (!u && has("enum-body")) return void res.status(202).json({ status: "no account uses this address" });
    res.status(202).json({ status: "if an account uses this address, a link is on its way", requestId: randomUUID() });
  });
  app.post("/api/auth/password", auth, (req, res) => {
    const u = me(res);
    const { current: cur, next } = req.body ?? {};
    if (String(next ?? "").length < 10) return void res.status(400).json({ error: "a new password of 10 characters or more" });
    if (!has("password-change-no-current") && !verifyPassword(u, String(cur ?? ""))) return void res.status(403).json({ error: "the current password is wrong" });
    u.salt = randomBytes(16);
    u.hash = hash(String(next), u.salt);
    if (!has("password-change-keeps-sessions")) endOtherSessions(req, u);
    res.json({ ok: true });
  });
  // Every session but this one: the user's other tokens are revoked, cookie sessions leave the store.
  const endOtherSessions = (req: Request, u: User) => {
    if (opts.carrier === "bearer") {
      const mine = String((jwt.decode(req.get("authorization")!.slice(7)) as jwt.JwtPayload).jti);
      for (const jti of issued.get(u.id) ?? []) if (jti !== mine) revoked.add(jti);
      return;
    }
    const store = req.sessionStore as unknown as { sessions: Record<string, string> };
    for (const [sid, raw] of Object.entries(store.sessions)) if (sid !== req.sessionID && JSON.parse(raw).email === u.email) delete store.sessions[sid];
  };

  app.get("/api/me", auth, (_req, res) => {
    const u = me(res);
    res.set("cache-control", "no-store").json({ id: u.id, email: u.email, name: u.name, org: u.org, role: u.role });
  });
  app.get("/api/projects", auth, (req, res) => void res.json({ data: projects.filter((p) => p.org === tenant(req, res)), next: null }));
  app.post("/api/projects", auth, (req, res) => {
    const org = has("tenant-write") ? req.get("x-org-id") || req.body?.orgId || me(res).org : me(res).org;
    const p = { id: `prj_${projects.length + 1}`, org, name: String(req.body?.name ?? "untitled") };
    projects.push(p);
    res.status(201).json(p);
  });
  app.get("/api/orgs/:org/members", auth, (req, res) => {
    if (req.params.org !== me(res).org && !has("tenant-path")) return void res.status(403).json({ error: "not your organisation" });
    res.json([...users.values()].filter((u) => u.org === req.params.org).map((u) => ({ id: u.id, email: u.email, name: u.name })));
  });
  app.get("/api/threads/:id", auth, (req, res) => {
    if (has("owner-refused")) return void res.status(403).json({ error: "forbidden", thread: req.params.id });
    const t = threads.find((x) => x.id === req.params.id && x.org === tenant(req, res));
    if (!t) return void res.status(404).json({ error: "no such thread" });
    res.json(wrap(t));
  });
  app.get("/api/threads/:id/replies", auth, (req, res) => {
    const t = threads.find((x) => x.id === req.params.id);
    if (!t || (t.org !== tenant(req, res) && !has("children-unscoped"))) return void res.json({ data: [], next: null });
    res.json({ data: replies.filter((r) => r.thread === t.id), next: null });
  });
  app.get("/api/empty/:id", auth, (_req, res) => void res.json({ data: [], next: null }));
  app.post("/api/invites", auth, (req, res) => {
    const email = String(req.body?.email ?? "");
    if (me(res).role !== "owner") return void res.status(403).json({ error: "owners invite" });
    const token = randomBytes(18).toString("base64url");
    invites.set(token, { email, org: me(res).org, used: false });
    res.status(201).json({ email, token });
  });
  app.post("/api/invites/accept", (req, res) => {
    const { token, email, password } = req.body ?? {};
    const inv = invites.get(String(token));
    if (!inv || (inv.used && !has("invite-reusable"))) return void res.status(410).json({ error: "this invite is no longer valid" });
    if (inv.email !== email && !has("invite-any-email")) return void res.status(403).json({ error: "this invite is for another address" });
    inv.used = true;
    // An existing account joins the org; a new address gets an account in it.
    const existing = users.get(String(email));
    if (existing) return void res.json({ ok: true, joined: (existing.org = inv.org) });
    addUser(String(email), String(password), "Invited", inv.org);
    res.status(201).json({ ok: true });
  });
  app.get("/.well-known/jwks.json", (_req, res) => {
    if (!rs) return void res.status(404).json({ error: "not found" });
    res.json({ keys: [{ ...rsa.publicKey.export({ format: "jwk" }), kid: "rsa-1", alg: "RS256", use: "sig" }] });
  });
  app.use((_err: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(400).json({ error: "bad request" }));

  const server = createServer({ cert: opts.cert, key: opts.key }, app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const a = users.get(creds.a.email)!;
  return {
    port: (server.address() as AddressInfo).port,
    orgs,
    users: creds,
    threads: { a: "thr_a1", b: "thr_b1" },
    expiredToken: () => jwt.sign({ sub: a.id, org: a.org, role: a.role, jti: randomUUID(), exp: Math.floor(Date.now() / 1000) - 3600 }, signKey(), signOpts()),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
