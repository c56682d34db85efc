import { z } from "zod";
import { DEFAULT_DMARC_POLICY } from "../email/plan";
import { isHostname, isWithinZone, originRecordType } from "../dns/names";
import { overLookupLimit, planSpf, senderLabel } from "../email/spf-plan";
import { PROFILES } from "../email/providers";
import { emailSchema } from "./email-schema";
import { runtimeSchema, secretsSchema } from "./secrets-schema";
import { alertsSchema, rateLimitsSchema, uptimeSchema } from "./monitoring-schema";
import { loggingProblems, loggingSchema } from "./logging-schema";
import { PLAN_LIMITS } from "../edge/rate-limits";
import { debugFlagProblem } from "../runtime/debug-flags";
import { DKIM_PRIVATE_KEY_SECRET, GENERATED_SECRETS } from "../secrets/generated";
import { pathEnvironment } from "../naming";
import { CLOUDFLARE_PLANS, ENVIRONMENTS, type Environment } from "./keys";

// Messages say what is expected; the formatter adds the key, the bad value and the command to fix.

const hostname = z.string().refine(isHostname, { error: "must be a lowercase DNS host name such as app.example.com" });
const hex32 = z.string().regex(/^[0-9a-f]{32}$/, { error: "must be a 32-character lowercase hex id, as the Cloudflare dashboard shows it" });

const host = z.strictObject({
  hostname,
  origin: z.string().refine((v) => originRecordType(v) !== undefined, {
    error: "must be the origin's host name (CNAME) or an IPv4/IPv6 address",
  }),
});

const hsts = z.strictObject({
  maxAgeSeconds: z.number().int().min(1, { error: "must be at least 1; to turn HSTS off, remove the hosts from the zone instead of weakening it" }).max(31536000, { error: "must be at most 31536000 (one year), the longest max-age Cloudflare sends" }).optional(),
  includeSubdomains: z.boolean().default(false),
  preload: z.boolean().default(false),
});

const originLockdown = z.strictObject({
  /** Zone-level Authenticated Origin Pulls with the stack's own client certificate. */
  authenticatedOriginPulls: z.boolean().default(true),
  /** Security groups of AWS origins, to open to Cloudflare's ranges only on 443. */
  securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, { error: "must be a security group id such as sg-0a1b2c3d4e5f60718" })).default([]),
});

const caa = z.strictObject({
  issuers: z.array(hostname).min(1, { error: "must name at least one CA, e.g. letsencrypt.org" }).default(["letsencrypt.org", "pki.goog", "ssl.com"]),
  iodef: z.string().regex(/^(mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}|https:\/\/\S+)$/, { error: "must be a mailto: address or an https:// URL, e.g. mailto:security@example.com" }),
});

export const HSTS_DEFAULT_MAX_AGE: Record<Environment, number> = { prod: 31536000, staging: 86400, dev: 3600 };

/** The project's own keys, without the `launch-baseline:` prefix. */
export const projectSchema = z
  .strictObject({
    environment: z.enum(ENVIRONMENTS, { error: "must be one of dev, staging, prod" }),
    owner: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._@-]{1,62}$/, { error: "must be a team name or address (2 to 63 letters, digits, space, . _ @ -)" }),
    domain: hostname,
    cloudflareAccountId: hex32,
    cloudflareZoneId: hex32,
    cloudflarePlan: z.enum(CLOUDFLARE_PLANS, { error: "must be one of free, pro, business, enterprise" }),
    awsAccountId: z.string().regex(/^\d{12}$/, { error: "must be a 12-digit AWS account id, quoted in YAML so leading zeros survive" }),
    awsRegion: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, { error: "must be an AWS region such as eu-west-1" }),
    hosts: z.array(host).min(1, { error: "must list at least one public host" }),
    canonicalRedirect: z.strictObject({ from: z.array(hostname).min(1), to: hostname }).optional(),
    minTlsVersion: z.enum(["1.2", "1.3"], { error: 'must be "1.2" or "1.3" (quoted); older versions are refused' }).default("1.2"),
    hsts: hsts.default({ includeSubdomains: false, preload: false }),
    caa,
    dnssec: z.boolean().default(true),
    email: emailSchema.optional(),
    secrets: secretsSchema,
    runtime: runtimeSchema.default({ settings: {}, secrets: {} }),
    rateLimits: rateLimitsSchema.default({}),
    uptime: uptimeSchema,
    alerts: alertsSchema,
    logging: loggingSchema.default({ ssoTolerantMfaAlarm: false }),
    /** Origins the app allows for CORS: scheme and host, e.g. https://app.example.com. */
    corsOrigins: z.array(z.string().regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?$/, { error: "must be an https:// origin (scheme and host only) such as https://app.example.com" })).default([]),
    originLockdown: originLockdown.default({ authenticatedOriginPulls: true, securityGroupIds: [] }),
    /** Existing records and rulesets to import instead of create, by resource name (plan --existing-zone writes it). */
    adopt: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "must be a resource name such as edge-host-www" }), z.string().regex(/^(zones\/)?[0-9a-f]{32}\/[0-9a-f]{32}$/, { error: "must be a Cloudflare import id: <zone_id>/<record_id> or zones/<zone_id>/<ruleset_id>" })).default({}),
  })
  .superRefine((c, ctx) => {
    // A malformed domain is reported once, not again for every host under it.
    if (!isHostname(c.domain)) return;
    c.hosts.forEach((h, i) => {
      if (!isWithinZone(h.hostname, c.domain)) {
        ctx.addIssue({ code: "custom", path: ["hosts", i, "hostname"], message: `must be ${c.domain} or a name under it; this stack's zone is ${c.domain}` });
      }
    });
    const names = c.hosts.map((h) => h.hostname);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) ctx.addIssue({ code: "custom", path: ["hosts"], message: `lists ${dup} twice; each host needs exactly one origin` });
    if (c.canonicalRedirect) {
      for (const [i, n] of [...c.canonicalRedirect.from.map((f, i) => [`from.${i}`, f] as const), ["to", c.canonicalRedirect.to] as const]) {
        if (!names.includes(n)) {
          ctx.addIssue({ code: "custom", path: ["canonicalRedirect", ...String(i).split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s))], message: `names ${n}, which is not in launch-baseline:hosts; a redirect only fires on a proxied host` });
        }
      }
      if (c.canonicalRedirect.from.includes(c.canonicalRedirect.to)) {
        ctx.addIssue({ code: "custom", path: ["canonicalRedirect", "to"], message: "must not also be in from: that would redirect the canonical host to itself forever" });
      }
    }
    for (const [name, id] of Object.entries(c.adopt)) {
      if (id.replace(/^zones\//, "").split("/")[0] !== c.cloudflareZoneId) ctx.addIssue({ code: "custom", path: ["adopt", name], message: `imports from zone ${id.replace(/^zones\//, "").split("/")[0]}, not this stack's zone ${c.cloudflareZoneId}; an adoption list belongs to the stack it was planned for` });
    }
    monitoringProblems(c).forEach(({ path, message }) => ctx.addIssue({ code: "custom", path, message }));
    loggingProblems(c.environment, c.logging).forEach(({ path, message }) => ctx.addIssue({ code: "custom", path, message }));
    secretsProblems(c).forEach(({ path, message }) => ctx.addIssue({ code: "custom", path, message }));
    if (c.email) emailProblems(c.email, c.environment, c.domain).forEach(({ path, message }) => ctx.addIssue({ code: "custom", path: ["email", ...path], message }));
    const maxAge = c.hsts.maxAgeSeconds ?? HSTS_DEFAULT_MAX_AGE[c.environment];
    if (c.hsts.preload && (!c.hsts.includeSubdomains || maxAge < 31536000)) {
      ctx.addIssue({ code: "custom", path: ["hsts", "preload"], message: "needs includeSubdomains: true and maxAgeSeconds: 31536000; browsers' preload lists refuse anything less" });
    }
  });

export type ProjectConfig = z.output<typeof projectSchema>;

function emailProblems(email: z.output<typeof emailSchema>, env: Environment, domain: string): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const over = overLookupLimit(planSpf(domain, email.senders, email.spfAll));
  if (over) {
    const parts = email.senders.filter((s) => over.senders.includes(senderLabel(s))).map((s) => `${senderLabel(s)} ${s.provider === "custom" ? (s.includes ?? []).reduce((a, i) => a + i.lookups, 0) : PROFILES[s.provider].spfLookups}`);
    problems.push({ path: ["senders"], message: `would make the SPF record at ${over.name} spend ${over.lookups} DNS lookups (${parts.join(", ")}); receivers stop at 10 and then fail every message. Remove a sender, or list its ip4/ip6 ranges instead of an include` });
  }
  email.senders.forEach((s, i) => {
    if (s.provider === "custom" && (!s.name || !(s.ip4?.length || s.ip6?.length || s.includes?.length))) {
      problems.push({ path: ["senders", i], message: "is a custom sender: give it a name and at least one of ip4, ip6 or includes" });
    }
  });
  if (email.spfAll === "~all" && env !== "dev") problems.push({ path: ["spfAll"], message: 'must be "-all" in staging and prod; "~all" (softfail) is for dev only' });
  if ((email.senders.length > 0 || email.selfManagedDkim) && !email.dmarc) problems.push({ path: ["dmarc"], message: "is required when the zone sends mail: give at least rua, the mailbox for aggregate reports" });
  const dmarc = email.dmarc;
  if (dmarc?.pct !== undefined && (dmarc.policy ?? DEFAULT_DMARC_POLICY[env]) === "none") problems.push({ path: ["dmarc", "pct"], message: "applies to quarantine or reject only; with policy none there is nothing to roll out partly" });
  if (dmarc?.enforceBy && (dmarc.policy ?? DEFAULT_DMARC_POLICY[env]) !== "none" && dmarc.pct === undefined) problems.push({ path: ["dmarc", "enforceBy"], message: "dates a staged rollout, but the policy already enforces fully; remove it" });
  if (email.mx.length > 0 && !email.tlsRpt?.length) problems.push({ path: ["tlsRpt"], message: "is required when the zone receives mail (mx is set): list a mailto: address for TLS reports" });
  if (email.mtaSts && email.mx.length === 0) problems.push({ path: ["mtaSts"], message: "needs mx: MTA-STS protects mail the zone receives" });
  return problems;
}

/** Names of every secret this stack stores. */
export function storedSecretNames(c: { secrets: { external: readonly string[] }; email?: { selfManagedDkim?: unknown } }): string[] {
  return [...GENERATED_SECRETS.map((g) => g.name), ...c.secrets.external, ...(c.email?.selfManagedDkim ? [DKIM_PRIVATE_KEY_SECRET] : [])];
}

function secretsProblems(c: z.output<typeof projectSchema>): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const known = storedSecretNames(c);
  if (c.environment === "prod" && c.secrets.recoveryWindowDays !== undefined && c.secrets.recoveryWindowDays !== 30) {
    problems.push({ path: ["secrets", "recoveryWindowDays"], message: "must be 30 in prod (the longest window): a deleted production secret must stay recoverable" });
  }
  const generated = GENERATED_SECRETS.map((g) => g.name);
  c.secrets.external.forEach((n, i) => {
    if (generated.includes(n) || n === DKIM_PRIVATE_KEY_SECRET) problems.push({ path: ["secrets", "external", i], message: "is a secret the stack generates itself; choose another name" });
  });
  for (const name of Object.keys(c.secrets.rotation)) {
    if (!known.includes(name)) problems.push({ path: ["secrets", "rotation", name], message: `names no secret this stack stores (${known.join(", ")})` });
  }
  for (const [envVar, ref] of Object.entries(c.runtime.secrets)) {
    const env = pathEnvironment(ref);
    const name = env ? ref.split("/").slice(3).join("/") : ref;
    // A path of another environment is the separation check's to report.
    if ((!env || env === c.environment) && !known.includes(name)) problems.push({ path: ["runtime", "secrets", envVar], message: `names no secret this stack stores (${known.join(", ")})` });
  }
  if (c.environment !== "dev") {
    for (const [name, value] of Object.entries(c.runtime.settings)) {
      const debug = debugFlagProblem(name, value);
      if (debug) problems.push({ path: ["runtime", "settings", name], message: `is refused in ${c.environment}: ${debug}` });
    }
  }
  return problems;
}

function monitoringProblems(c: z.output<typeof projectSchema>): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const limits = PLAN_LIMITS[c.cloudflarePlan];
  const period = c.rateLimits.period;
  if (period !== undefined && !limits.periods.includes(period)) {
    problems.push({ path: ["rateLimits", "period"], message: `is not a counting period the ${c.cloudflarePlan} plan offers (${limits.periods.join(", ")} s)` });
  }
  const endpoints = c.rateLimits.endpoints ?? [];
  endpoints.forEach((e, i) => {
    if (e.method && !limits.methodMatching) problems.push({ path: ["rateLimits", "endpoints", i, "method"], message: `needs method matching, which the ${c.cloudflarePlan} plan does not have (business or enterprise); remove it to match the path alone` });
  });
  const named = new Set(endpoints.filter((e) => e.rule).map((e) => e.rule));
  if (named.size > limits.maxRules) problems.push({ path: ["rateLimits", "endpoints"], message: `pin endpoints into ${named.size} rules; the ${c.cloudflarePlan} plan allows ${limits.maxRules} rate-limiting rule${limits.maxRules === 1 ? "" : "s"}` });
  if (named.size > 0 && endpoints.some((e) => !e.rule)) problems.push({ path: ["rateLimits", "endpoints"], message: "pin every endpoint to a rule, or none (automatic packing)" });
  const hosts = c.hosts.map((h) => h.hostname);
  c.uptime.checks.forEach((check, i) => {
    const host = /^https:\/\/([^/]+)/.exec(check.url)?.[1];
    if (host && !hosts.includes(host)) problems.push({ path: ["uptime", "checks", i, "url"], message: `is on ${host}, which is not one of launch-baseline:hosts` });
  });
  for (const severity of ["critical", "warning"] as const) {
    const route = c.alerts[severity];
    if (route.emails.length + route.webhooks.length === 0) problems.push({ path: ["alerts", severity], message: "routes to nobody: add an email or a webhook" });
    route.webhooks.forEach((w, i) => {
      if (!c.secrets.external.includes(w)) problems.push({ path: ["alerts", severity, "webhooks", i], message: "must name a secret in launch-baseline:secrets.external: webhook URLs carry credentials and stay secret" });
    });
  }
  return problems;
}
