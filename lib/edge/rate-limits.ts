import type { CloudflarePlan } from "../config/keys";

// Rate limiting on Cloudflare, fitted to what each plan can express (rules, counting periods,
// method matching), with authentication endpoints always stricter than content ones.

export interface PlanLimits {
  readonly maxRules: number;
  /** Counting periods (seconds) the plan accepts. */
  readonly periods: readonly number[];
  readonly methodMatching: boolean;
  /** Whether the plan includes Cloudflare's Managed Ruleset (WAF). */
  readonly managedWaf: boolean;
  /** Notifications for Cloudflare health checks, and the origin 5xx rate alert. */
  readonly healthChecks: boolean;
  readonly originErrorRateAlert: boolean;
}

export const PLAN_LIMITS: Readonly<Record<CloudflarePlan, PlanLimits>> = {
  free: { maxRules: 1, periods: [10], methodMatching: false, managedWaf: false, healthChecks: false, originErrorRateAlert: false },
  pro: { maxRules: 2, periods: [10, 60], methodMatching: false, managedWaf: true, healthChecks: true, originErrorRateAlert: false },
  business: { maxRules: 5, periods: [10, 60, 120, 300, 600], methodMatching: true, managedWaf: true, healthChecks: true, originErrorRateAlert: false },
  enterprise: { maxRules: 100, periods: [10, 60, 120, 300, 600, 3600], methodMatching: true, managedWaf: true, healthChecks: true, originErrorRateAlert: true },
};

export type EndpointClass = "auth" | "content";

export interface Endpoint {
  readonly name: string;
  readonly path: string;
  /** Matched only where the plan can match methods. */
  readonly method?: string;
  readonly class: EndpointClass;
  /** Allowed requests per minute per IP and data center. */
  readonly perMinute: number;
  /** Pins the endpoint into a named rule instead of automatic packing. */
  readonly rule?: string;
}

export const DEFAULT_ENDPOINTS: readonly Endpoint[] = [
  { name: "login", path: "/api/auth/login", method: "POST", class: "auth", perMinute: 10 },
  { name: "signup", path: "/api/auth/signup", method: "POST", class: "auth", perMinute: 5 },
  { name: "password-reset", path: "/api/auth/password-reset", method: "POST", class: "auth", perMinute: 5 },
  { name: "invite", path: "/api/invites", method: "POST", class: "content", perMinute: 20 },
  { name: "search", path: "/api/search", method: "GET", class: "content", perMinute: 60 },
  { name: "upload", path: "/api/uploads", method: "POST", class: "content", perMinute: 10 },
  { name: "message", path: "/api/messages", method: "POST", class: "content", perMinute: 30 },
];

export interface RateLimitRuleSpec {
  readonly ref: string;
  readonly description: string;
  readonly endpoints: readonly Endpoint[];
  readonly expression: string;
  readonly period: number;
  readonly requestsPerPeriod: number;
  readonly mitigationTimeout: number;
}

const quote = (s: string) => JSON.stringify(s);

export function endpointExpression(endpoints: readonly Endpoint[], methodMatching: boolean): string {
  if (!methodMatching) return `(http.request.uri.path in {${endpoints.map((e) => quote(e.path)).join(" ")}})`;
  const byMethod = new Map<string, string[]>();
  for (const e of endpoints) byMethod.set(e.method ?? "", [...(byMethod.get(e.method ?? "") ?? []), e.path]);
  return [...byMethod]
    .map(([method, paths]) => `(${method ? `http.request.method eq ${quote(method)} and ` : ""}http.request.uri.path in {${paths.map(quote).join(" ")}})`)
    .join(" or ");
}

/**
 * Packs endpoints into the rules the plan allows. Endpoints with the same class and limit share
 * a rule; while there are too many rules, the two most lenient of the same class merge (taking
 * the stricter limit). A one-rule plan spends its rule on authentication: content endpoints are
 * then left unlimited, and returned as such.
 */
export function packRateLimits(endpoints: readonly Endpoint[], plan: CloudflarePlan, period: number): { rules: RateLimitRuleSpec[]; uncovered: Endpoint[] } {
  const limits = PLAN_LIMITS[plan];
  const perPeriod = (perMinute: number) => Math.max(1, Math.ceil((perMinute * period) / 60));
  let groups: Endpoint[][] = [];
  if (endpoints.length && endpoints.every((e) => e.rule)) {
    const byRule = new Map<string, Endpoint[]>();
    for (const e of endpoints) byRule.set(e.rule!, [...(byRule.get(e.rule!) ?? []), e]);
    groups = [...byRule.values()];
  } else for (const cls of ["auth", "content"] as const) {
    const byLimit = new Map<number, Endpoint[]>();
    for (const e of endpoints.filter((x) => x.class === cls)) byLimit.set(e.perMinute, [...(byLimit.get(e.perMinute) ?? []), e]);
    groups.push(...[...byLimit.entries()].sort((a, b) => a[0] - b[0]).map(([, es]) => es));
  }
  let uncovered: Endpoint[] = [];
  if (limits.maxRules === 1) {
    uncovered = groups.flat().filter((e) => e.class === "content");
    groups = [groups.flat().filter((e) => e.class === "auth")].filter((g) => g.length);
  }
  const limitOf = (g: Endpoint[]) => Math.min(...g.map((e) => e.perMinute));
  while (groups.length > limits.maxRules) {
    // Merge the two most lenient groups of the class with more groups.
    const cls: EndpointClass = groups.filter((g) => g[0].class === "content").length >= 2 ? "content" : "auth";
    const ofClass = groups.filter((g) => g[0].class === cls).sort((a, b) => limitOf(b) - limitOf(a));
    const [a, b] = ofClass;
    groups = [...groups.filter((g) => g !== a && g !== b), [...b, ...a]];
  }
  groups.sort((a, b) => (a[0].class === b[0].class ? limitOf(a) - limitOf(b) : a[0].class === "auth" ? -1 : 1));
  const rules = groups.map((g, i) => ({
    ref: `rate_limit_${g[0].class}_${i + 1}`,
    description: `Rate limit ${g.map((e) => e.name).join(", ")}: ${perPeriod(limitOf(g))} requests per ${period} s per IP`,
    endpoints: g,
    expression: endpointExpression(g, limits.methodMatching),
    period,
    requestsPerPeriod: perPeriod(limitOf(g)),
    mitigationTimeout: period,
  }));
  return { rules, uncovered };
}

/** The small JSON body a blocked client gets with its 429, with a retry hint. */
export function rateLimitResponseBody(retryAfterSeconds: number): string {
  return JSON.stringify({ error: "rate_limited", message: `Too many requests. Retry after ${retryAfterSeconds} seconds.`, retry_after_seconds: retryAfterSeconds });
}
