import { CouldNotRun } from "../verify/types";
import type { ProbeClient } from "./client";
import type { Credentials } from "./probe-file";
import { parseJsonOr, valueAt } from "../json";

// Logging in as the probe file's test users, and carrying the session the way the app expects:
// a bearer token in Authorization, or a session cookie (plus the CSRF token a real client sends).

export type Who = "a" | "b";

export interface Session {
  readonly who: Who;
  /** The bearer token or the session cookie's value. Never printed. */
  readonly token: string;
  /** The CSRF token a legitimate client would send, when the app uses one. */
  readonly csrfToken?: string;
  /** Set-Cookie headers of the login response (for the SameSite probe). */
  readonly setCookies: readonly string[];
  /** The refresh token the login answered with (auth.login.refreshToken). Never printed. */
  readonly refreshToken?: string;
}

/** "{{name}}" placeholders in a request body, filled from `vars`; unknown ones stay as written. */
export function fillTemplate(body: unknown, vars: Readonly<Record<string, string>>): unknown {
  if (typeof body === "string") return body.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? vars[k] : m));
  if (Array.isArray(body)) return body.map((b) => fillTemplate(b, vars));
  if (body && typeof body === "object") return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fillTemplate(v, vars)]));
  return body;
}

const at = (doc: unknown, path: string): unknown => valueAt(doc, path.split("."));

export function cookieValue(setCookies: readonly string[], name: string): string | undefined {
  for (const c of setCookies) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie line for the session cookie, read as its attributes: never its value. */
export function sessionCookieOf(setCookies: readonly string[], name: string): { attributes: string[]; sameSite?: string } | undefined {
  const cookie = setCookies.find((c) => c.split("=")[0].trim() === name);
  if (cookie === undefined) return undefined;
  const attributes = cookie.split(";").slice(1).map((f) => { const [k, v] = f.trim().split("="); return /^samesite$/i.test(k) ? `SameSite=${v}` : k; });
  return { attributes, sameSite: /;\s*samesite=([a-z]+)/i.exec(cookie)?.[1]?.toLowerCase() };
}

/** The login request's response for some credentials (the bad-credentials probe uses it too). */
export function sendLogin(client: ProbeClient, creds: Credentials, headers: Record<string, string> = {}) {
  const { login } = client.plan.auth;
  return client.json(login.method, login.path, fillTemplate(login.body, { username: creds.username, password: creds.password }), headers);
}

export async function login(client: ProbeClient, who: Who, creds: Credentials = client.plan.credentials[who]): Promise<Session> {
  const { auth, users } = client.plan;
  const res = await sendLogin(client, creds);
  const fix = creds === client.plan.credentials[who] ? `Fix: check ${users[who].usernameEnv} and ${users[who].passwordEnv}, and auth.login in ${client.plan.file}.` : `Fix: check that an account made through auth.signup can sign in at once on this deployment.`;
  if (res.status < 200 || res.status > 299) throw new CouldNotRun(`logging in as user ${who} failed: ${auth.login.method} ${auth.login.path} -> ${res.status}. ${fix}`);
  const setCookies = [res.headers["set-cookie"] ?? []].flat();
  const body = parseJsonOr(res.body, undefined);
  const token = auth.carrier === "bearer" ? at(body, auth.login.token!) : cookieValue(setCookies, auth.login.cookie!);
  if (typeof token !== "string" || !token) throw new CouldNotRun(`logging in as user ${who} gave no ${auth.carrier === "bearer" ? `token at "${auth.login.token}" in the response` : `cookie "${auth.login.cookie}"`}. ${fix}`);
  const csrf = auth.csrf;
  const csrfToken = csrf?.fromCookie ? cookieValue(setCookies, csrf.fromCookie) : csrf?.fromJson ? (at(body, csrf.fromJson) as string | undefined) : undefined;
  const refreshToken = auth.login.refreshToken ? at(body, auth.login.refreshToken) : undefined;
  return { who, token, csrfToken, setCookies, refreshToken: typeof refreshToken === "string" ? refreshToken : undefined };
}

/**
 * Headers that carry a session (or a given token in its place). With `csrf: false` the CSRF token
 * is left out, as a forged cross-site request would.
 */
export function carry(client: ProbeClient, token: string, opts: { csrfToken?: string; csrf?: boolean } = {}): Record<string, string> {
  const { auth } = client.plan;
  if (auth.carrier === "bearer") return { authorization: `Bearer ${token}` };
  const cookies = [`${auth.login.cookie}=${token}`];
  const headers: Record<string, string> = {};
  if (auth.csrf && opts.csrfToken) {
    // A browser sends the CSRF cookie with a forged request too; only the header is the proof.
    if (auth.csrf.fromCookie) cookies.push(`${auth.csrf.fromCookie}=${opts.csrfToken}`);
    if (opts.csrf !== false) headers[auth.csrf.header.toLowerCase()] = opts.csrfToken;
  }
  return { ...headers, cookie: cookies.join("; ") };
}

export const headersOf = (client: ProbeClient, s: Session, opts: { csrf?: boolean } = {}) => carry(client, s.token, { csrfToken: s.csrfToken, ...opts });

export async function logout(client: ProbeClient, s: Session): Promise<number> {
  const { logout: route } = client.plan.auth;
  const res = await client.json(route.method, route.path, route.body ?? {}, headersOf(client, s));
  return res.status;
}

/** One login per user per run, shared by the probes (the logout probe makes its own). */
export class Sessions {
  private readonly open = new Map<Who, Promise<Session>>();
  constructor(private readonly client: ProbeClient) {}
  get(who: Who): Promise<Session> {
    if (!this.open.has(who)) this.open.set(who, login(this.client, who));
    return this.open.get(who)!;
  }
}
