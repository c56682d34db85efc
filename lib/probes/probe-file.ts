import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { didYouMean } from "../config/edit-distance";
import { UsageError } from "../config/stack-file";
import { valueAt } from "../json";
import { claimsOf } from "./jwt";

// The probe file: what a reviewer would try against the app, described once per app. Users'
// credentials come from environment variables it names, never from the file itself.

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Methods that change or remove what exists: sent only when the file says allowDestructive. */
const DESTRUCTIVE = new Set(["PUT", "PATCH", "DELETE"]);

const method = z.enum(METHODS);
const json = z.record(z.string(), z.unknown());
const route = z.strictObject({ method: method.default("GET"), path: z.string().min(1), body: json.optional() });
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name");
const user = z.strictObject({ usernameEnv: envName, passwordEnv: envName, org: z.string().min(1) });

const schema = z.strictObject({
  baseUrl: z.url({ protocol: /^https$/, error: "must be an https:// URL" }),
  allowedHosts: z.array(z.string().min(1)).min(1),
  allowDestructive: z.boolean().default(false),
  limits: z.strictObject({ requests: z.int().positive().default(1000), seconds: z.number().positive().default(120), timeoutMs: z.int().positive().default(5000) }).default({ requests: 1000, seconds: 120, timeoutMs: 5000 }),
  auth: z.strictObject({
    carrier: z.enum(["bearer", "cookie"]),
    login: z.strictObject({ method: method.default("POST"), path: z.string().min(1), body: json, token: z.string().optional(), cookie: z.string().optional(), refreshToken: z.string().min(1).optional() }),
    /** A page that sets a session cookie before sign-in (the fixation probe); default GET /. */
    preLogin: route.default({ method: "GET", path: "/" }),
    /** Where a refresh token buys a new access token: a body with {{refreshToken}}, and the fields of the answer. */
    refresh: z.strictObject({ method: method.default("POST"), path: z.string().min(1), body: json, token: z.string().min(1), refreshToken: z.string().min(1) }).optional(),
    /** The app's JWKS, for the algorithm-confusion probe (RS/ES tokens); default /.well-known/jwks.json. */
    jwks: z.string().min(1).default("/.well-known/jwks.json"),
    /** The longest an access token may live, in hours. */
    maxTokenHours: z.number().positive().default(24),
    logout: route,
    signup: route.optional(),
    /** Where a legitimate client finds its CSRF token, and the header it sends it in. */
    csrf: z.strictObject({ header: z.string().min(1), fromCookie: z.string().min(1).optional(), fromJson: z.string().min(1).optional() }).optional(),
    expiredTokenEnv: envName.optional(),
    /** Claims a forged token raises (default role: admin), and the claims naming the org and the subject. */
    escalation: z
      .strictObject({ claims: json.default({ role: "admin" }), orgClaim: z.string().min(1).default("org"), subjectClaim: z.string().min(1).default("sub") })
      .default({ claims: { role: "admin" }, orgClaim: "org", subjectClaim: "sub" }),
  }),
  users: z.strictObject({ a: user, b: user }),
  protected: z.array(route).min(1),
  objects: z
    .array(
      z.strictObject({
        kind: z.string().min(1),
        path: z.string().includes("{id}", { error: "must contain {id}" }),
        id: z.string().min(1),
        /** An id of the same kind user b owns: what b sees of it is its own, never a leak. */
        otherId: z.string().min(1).optional(),
        methods: z.array(method).min(1).default(["GET"]),
        query: z.string().includes("{id}", { error: "must contain {id}" }).optional(),
        body: z.strictObject({ method: method.default("POST"), path: z.string().min(1), field: z.string().min(1) }).optional(),
        /** The field of user a's object whose text identifies it in a response (default: its longest text field). */
        fingerprint: z.string().min(1).optional(),
        /** List, search and batch routes that take ids: `{id}` or `{ids}` in the path, or a body field. */
        lookups: z.array(z.strictObject({ method: method.default("GET"), path: z.string().min(1), field: z.string().min(1).optional(), many: z.boolean().default(false) })).default([]),
      }),
    )
    .default([]),
  /** Where the app reads a tenant from the client, and the routes that read and write tenant data. */
  tenants: z
    .strictObject({
      selectors: z.array(z.strictObject({ in: z.enum(["header", "query", "path", "body"]), name: z.string().min(1) })).default([]),
      /** Read routes beyond protected and objects; {tenant} in a path is where a path selector goes. */
      reads: z.array(route).default([]),
      /** Routes that create data in the tenant ({{marker}} in the body), and the path that lists it. */
      writes: z.array(route.extend({ readBack: z.string().min(1) })).default([]),
    })
    .optional(),
  /** Known versus unknown accounts at login, signup and password reset. */
  enumeration: z.strictObject({ samples: z.int().min(30).max(200).default(30), reset: route.optional() }).optional(),
  /** Account flows, each on fresh accounts made through auth.signup (its body with {{username}} and {{password}}). */
  flows: z
    .strictObject({
      /** User a invites an address ({{email}}); the invite's token is the answer's `token` field; accept takes {{token}}, {{email}}, {{password}}. */
      invite: z.strictObject({ create: route, token: z.string().min(1), accept: route }).optional(),
      /** A password change: {{password}} (the current one) and {{newPassword}} in the body. */
      passwordChange: route.optional(),
      /** Fields signup must not let a client set, and the route that shows the new account. */
      massAssignment: z.strictObject({ fields: json.default({ role: "admin", isAdmin: true }), tenantField: z.string().min(1).default("orgId"), whoami: z.string().min(1).default("/me") }).optional(),
    })
    .optional(),
  stateChanging: z.array(route).default([]),
  admin: z.array(route).default([]),
  abuse: z.array(route.extend({ threshold: z.int().positive() })).default([]),
  input: z.array(route.extend({ body: json, maxBodyBytes: z.int().positive().default(1_048_576) })).default([]),
  /** How a person signs in through the page, for verify --browser: the page, the fields' selectors, the submit button. */
  browserLogin: z
    .strictObject({ page: z.string().min(1), username: z.string().min(1), password: z.string().min(1), submit: z.string().min(1), waitFor: z.string().min(1).optional() })
    .optional(),
  /** The password-reset probe: an account whose password it may set, and the mailbox its mail reaches. */
  passwordReset: z
    .strictObject({
      usernameEnv: envName,
      newPasswordEnv: envName,
      request: route,
      consume: route,
      tokenParam: z.string().min(1).default("token"),
      waitSeconds: z.number().positive().max(300).default(20),
      mailbox: z.strictObject({ imap: z.strictObject({ host: z.string().min(1), port: z.int().positive().default(993), secure: z.boolean().default(true), userEnv: envName, passwordEnv: envName }) }),
    })
    .optional(),
  latency: z.strictObject({ targetMs: z.number().positive().default(500), requests: z.int().min(20).max(2000).default(200), concurrency: z.int().min(1).max(50).default(10), flows: z.array(route.extend({ name: z.string().min(1), as: z.enum(["a", "b"]).default("a") })).min(1) }).optional(),
});

export type ProbeFile = z.infer<typeof schema>;

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** A validated probe file with its users' credentials read from the environment. */
export interface ProbePlan extends ProbeFile {
  readonly file: string;
  readonly credentials: { readonly a: Credentials; readonly b: Credentials };
  readonly expiredToken?: string;
  /** passwordReset's secrets, read from the environment. */
  readonly reset?: { readonly username: string; readonly newPassword: string; readonly mailboxUser: string; readonly mailboxPassword: string };
}

/** Every request the file describes: where it is named, its methods and its URL. */
function namedRoutes(f: ProbeFile): Array<{ where: string; methods: readonly string[]; url: string }> {
  const one = (where: string, r: { method?: string; path: string }, methods = [r.method ?? "GET"]) => ({ where, methods, url: resolveUrl(f.baseUrl, r.path) });
  const list = (key: string, rs: ReadonlyArray<{ method?: string; path: string }>) => rs.map((r, i) => one(`${key}[${i}]`, r));
  return [
    { where: "baseUrl", methods: [], url: f.baseUrl },
    one("auth.login", f.auth.login),
    one("auth.logout", f.auth.logout),
    ...(f.auth.signup ? [one("auth.signup", f.auth.signup)] : []),
    ...list("protected", f.protected),
    ...f.objects.flatMap((o, i) => [one(`objects[${i}]`, o, o.methods), ...(o.query ? [one(`objects[${i}].query`, { path: o.query })] : []), ...(o.body ? [one(`objects[${i}].body`, o.body)] : []), ...o.lookups.map((l, j) => one(`objects[${i}].lookups[${j}]`, l))]),
    ...(f.auth.refresh ? [one("auth.refresh", f.auth.refresh)] : []),
    ...list("tenants.reads", f.tenants?.reads ?? []),
    ...list("tenants.writes", f.tenants?.writes ?? []),
    ...(f.enumeration?.reset ? [one("enumeration.reset", f.enumeration.reset)] : []),
    ...(f.flows?.invite ? [one("flows.invite.create", f.flows.invite.create), one("flows.invite.accept", f.flows.invite.accept)] : []),
    ...(f.flows?.passwordChange ? [one("flows.passwordChange", f.flows.passwordChange)] : []),
    ...list("stateChanging", f.stateChanging),
    ...list("admin", f.admin),
    ...list("abuse", f.abuse),
    ...list("input", f.input),
    ...(f.browserLogin ? [one("browserLogin.page", { path: f.browserLogin.page })] : []),
    ...(f.passwordReset ? [one("passwordReset.request", f.passwordReset.request), one("passwordReset.consume", f.passwordReset.consume)] : []),
    ...list("latency.flows", f.latency?.flows ?? []),
  ];
}

/**
 * Where a route goes: an absolute URL as written; any other path under the base URL's own path,
 * so `/me` under `https://h/api/` is `https://h/api/me`, as docs/probes.md says.
 */
export function routeUrl(base: string, path: string): URL {
  if (/^https?:\/\//i.test(path)) return new URL(path);
  const b = new URL(base);
  return new URL(`${b.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`, b.origin);
}

function resolveUrl(base: string, path: string): string {
  return routeUrl(base, path.replace(/\{(ids?|tenant)\}/g, "0")).toString();
}

/** The `exp` of a JWT, in seconds; undefined when the value is not a JWT with a numeric exp. */
function jwtExp(token: string): number | undefined {
  const exp = claimsOf(token)?.exp;
  return typeof exp === "number" ? exp : undefined;
}

function describe(issue: z.core.$ZodIssue, doc: unknown): string {
  const where = issue.path.map((s, i) => (typeof s === "number" ? `[${s}]` : `${i ? "." : ""}${String(s)}`)).join("") || "the file";
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(issue.path);
    return `${where} has unknown key ${issue.keys.map((k) => `"${k}"${didYouMean(k, known)}`).join(", ")}. Fix: remove or rename it; the keys are listed in docs/probes.md.`;
  }
  const value = valueAt(doc, issue.path);
  if (value === undefined) return `${where} is missing. Fix: add it; see the example in probes.example.yaml and docs/probes.md.`;
  return `${where} ${issue.code === "invalid_type" ? `must be ${issue.expected === "object" ? "a mapping" : `a ${issue.expected}`}` : issue.message}. Fix: correct it in the probe file.`;
}

/** The keys the schema allows at a path, for "did you mean". */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let node: z.ZodType = schema;
  for (const k of path) {
    const inner: z.ZodType = unwrap(node);
    if (inner instanceof z.ZodObject) node = inner.shape[k as string];
    else if (inner instanceof z.ZodArray) node = inner.element as z.ZodType;
    else return [];
  }
  const obj = unwrap(node);
  return obj instanceof z.ZodObject ? Object.keys(obj.shape) : [];
}

function unwrap(t: z.ZodType): z.ZodType {
  let cur: z.ZodType = t;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault) cur = cur.unwrap() as z.ZodType;
  return cur;
}

/**
 * Reads and checks a probe file; every problem is a UsageError (exit 2) that names the key and
 * the fix. Nothing is sent before this passes.
 */
export function loadProbeFile(file: string, env: Readonly<Record<string, string | undefined>> = process.env): ProbePlan {
  if (!existsSync(file)) throw new UsageError(`--probes ${file} does not exist. Fix: write one from probes.example.yaml (docs/probes.md).`);
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`${file} is not YAML: ${(e as Error).message.split("\n")[0]}. Fix: correct the syntax.`);
  }
  const parsed = schema.safeParse(doc ?? {});
  if (!parsed.success) {
    // A mistyped key also makes the real one "missing"; naming the typo first says what to fix.
    const issues = [...parsed.error.issues].sort((x, y) => Number(y.code === "unrecognized_keys") - Number(x.code === "unrecognized_keys"));
    throw new UsageError(`${file}: ${describe(issues[0], doc)}`);
  }
  const f = parsed.data;
  const allowed = new Set(f.allowedHosts.map((h) => h.toLowerCase()));
  for (const { where, methods, url } of namedRoutes(f)) {
    const u = new URL(url);
    if (u.protocol !== "https:") throw new UsageError(`${file}: ${where} ${url} is not https. Fix: probe the app over HTTPS, as users reach it.`);
    if (!allowed.has(u.hostname.toLowerCase())) throw new UsageError(`${file}: ${where} names host ${u.hostname}, which is not in allowedHosts (${f.allowedHosts.join(", ")}). Fix: add it to allowedHosts if the probes may send it requests, or correct the URL.`);
    const destructive = methods.find((m) => DESTRUCTIVE.has(m));
    if (destructive && !f.allowDestructive) throw new UsageError(`${file}: ${where} sends ${destructive}, which changes or deletes data, and allowDestructive is not set. Fix: set allowDestructive: true (only against a test deployment), or list only GET, HEAD and POST.`);
  }
  if (f.auth.carrier === "bearer" && !f.auth.login.token) throw new UsageError(`${file}: auth.login.token is missing: with carrier bearer the probes need the JSON field of the login response that holds the token. Fix: add auth.login.token, such as token.`);
  if (f.auth.carrier === "cookie" && !f.auth.login.cookie) throw new UsageError(`${file}: auth.login.cookie is missing: with carrier cookie the probes need the session cookie's name. Fix: add auth.login.cookie, such as session.`);
  if (f.passwordReset) {
    if (!f.allowDestructive) throw new UsageError(`${file}: passwordReset sets a password, and allowDestructive is not set. Fix: set allowDestructive: true (only against a test deployment), or remove passwordReset.`);
    const imapHost = f.passwordReset.mailbox.imap.host;
    if (!allowed.has(imapHost.toLowerCase())) throw new UsageError(`${file}: passwordReset.mailbox.imap names host ${imapHost}, which is not in allowedHosts (${f.allowedHosts.join(", ")}). Fix: add it to allowedHosts if the probes may connect to it.`);
  }
  if (f.users.a.org === f.users.b.org) throw new UsageError(`${file}: users.a and users.b are both in org "${f.users.a.org}"; the authorization probes need two orgs. Fix: give user b a test account in another org.`);
  const read = (who: "a" | "b"): Credentials => {
    const u = f.users[who];
    for (const name of [u.usernameEnv, u.passwordEnv]) if (!env[name]) throw new UsageError(`${name} is not set: ${file} takes user ${who}'s ${name === u.usernameEnv ? "username" : "password"} from it. Fix: export ${name} (a test account, never a real user's).`);
    return { username: env[u.usernameEnv]!, password: env[u.passwordEnv]! };
  };
  const expiredToken = f.auth.expiredTokenEnv ? env[f.auth.expiredTokenEnv] : undefined;
  if (f.auth.expiredTokenEnv && !expiredToken) throw new UsageError(`${f.auth.expiredTokenEnv} is not set: ${file} names it in auth.expiredTokenEnv. Fix: export a token the app signed with an exp in the past, or remove the key.`);
  if (expiredToken) {
    // Only a genuinely expired token tests expiry: anything else would be refused for another reason.
    const exp = jwtExp(expiredToken);
    if (exp === undefined) throw new UsageError(`${f.auth.expiredTokenEnv} does not hold a JWT with an exp claim (its value is not shown). Fix: export a token the app signed, whose exp is in the past.`);
    if (exp * 1000 > Date.now()) throw new UsageError(`${f.auth.expiredTokenEnv} holds a JWT whose exp has not passed yet (${new Date(exp * 1000).toISOString()}). Fix: export a token the app signed, whose exp is in the past.`);
  }
  const resetEnv = f.passwordReset ? [f.passwordReset.usernameEnv, f.passwordReset.newPasswordEnv, f.passwordReset.mailbox.imap.userEnv, f.passwordReset.mailbox.imap.passwordEnv] : [];
  for (const name of resetEnv) if (!env[name]) throw new UsageError(`${name} is not set: ${file} names it in passwordReset. Fix: export it (a test account and mailbox, never a real user's).`);
  const reset = f.passwordReset && { username: env[f.passwordReset.usernameEnv]!, newPassword: env[f.passwordReset.newPasswordEnv]!, mailboxUser: env[f.passwordReset.mailbox.imap.userEnv]!, mailboxPassword: env[f.passwordReset.mailbox.imap.passwordEnv]! };
  return { ...f, file, credentials: { a: read("a"), b: read("b") }, expiredToken, reset };
}
