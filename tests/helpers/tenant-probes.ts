import { readFileSync } from "node:fs";
import { probeChecks } from "../../lib/probes";
import { loadProbeFile } from "../../lib/probes/probe-file";
import { runChecks } from "../../lib/verify/runner";
import type { CheckOutcome, VerifyContext } from "../../lib/verify/types";
import { APP_HOST, writeProbeFile } from "./probe-file";
import { startTenantApp, type Shape, type TenantApp, type TenantFlaw } from "./tenant-app";
import type { TestCa } from "./test-ca";

// The probe file a team would write for the workspace app, and a run of chosen probes against it
// in this process (the CLI path is tested on the sample app; this keeps many small runs fast).

export function tenantProbeFile(app: TenantApp, carrier: "bearer" | "cookie", edit: (doc: Record<string, any>) => void = () => {}): Record<string, any> {
  const doc: Record<string, any> = {
    baseUrl: `https://${APP_HOST}:${app.port}`,
    allowedHosts: [APP_HOST],
    limits: { requests: 1000, seconds: 60, timeoutMs: 3000 },
    auth: {
      carrier,
      login: { path: "/api/auth/login", body: { email: "{{username}}", password: "{{password}}" }, ...(carrier === "bearer" ? { token: "token", refreshToken: "refreshToken" } : { cookie: "sid" }) },
      logout: { method: "POST", path: "/api/auth/logout" },
      signup: { method: "POST", path: "/api/auth/signup", body: { email: "{{username}}", password: "{{password}}", name: "Probe Account" } },
      ...(carrier === "bearer" ? { refresh: { path: "/api/auth/refresh", body: { refreshToken: "{{refreshToken}}" }, token: "token", refreshToken: "refreshToken" }, expiredTokenEnv: "TENANT_EXPIRED_TOKEN" } : {}),
    },
    users: { a: { usernameEnv: "TENANT_USER_A", passwordEnv: "TENANT_PASSWORD_A", org: app.orgs.a }, b: { usernameEnv: "TENANT_USER_B", passwordEnv: "TENANT_PASSWORD_B", org: app.orgs.b } },
    protected: [{ path: "/api/me" }, { path: "/api/projects" }],
    objects: [
      { kind: "threads", path: "/api/threads/{id}", id: app.threads.a, otherId: app.threads.b },
      { kind: "replies", path: "/api/threads/{id}/replies", id: app.threads.a, otherId: app.threads.b },
    ],
    tenants: {
      selectors: [
        { in: "header", name: "X-Org-Id" },
        { in: "query", name: "org" },
        { in: "path", name: "org" },
        { in: "body", name: "orgId" },
      ],
      reads: [{ path: "/api/orgs/{tenant}/members" }],
      writes: [{ method: "POST", path: "/api/projects", body: { name: "{{marker}}" }, readBack: "/api/projects" }],
    },
    enumeration: { reset: { method: "POST", path: "/api/auth/reset", body: { email: "{{username}}" } } },
    flows: {
      invite: { create: { method: "POST", path: "/api/invites", body: { email: "{{email}}" } }, token: "token", accept: { method: "POST", path: "/api/invites/accept", body: { token: "{{token}}", email: "{{email}}", password: "{{password}}" } } },
      passwordChange: { method: "POST", path: "/api/auth/password", body: { current: "{{password}}", next: "{{newPassword}}" } },
      massAssignment: { whoami: "/api/me" },
    },
  };
  edit(doc);
  return doc;
}

export function tenantEnv(app: TenantApp): Record<string, string> {
  return { TENANT_USER_A: app.users.a.email, TENANT_PASSWORD_A: app.users.a.password, TENANT_USER_B: app.users.b.email, TENANT_PASSWORD_B: app.users.b.password, TENANT_EXPIRED_TOKEN: app.expiredToken() };
}

export interface TenantRun {
  readonly outcomes: CheckOutcome[];
  readonly requests: number;
  readonly env: Record<string, string>;
  /** Everything the probes printed about themselves: summaries and evidence. */
  readonly text: string;
}

/** Starts the app with some flaws, runs the chosen probes (ids or prefixes), and stops it. */
export async function runTenantProbes(ca: TestCa, cert: { cert: Buffer; key: Buffer }, dir: string, o: { carrier: "bearer" | "cookie"; flaws?: TenantFlaw[]; shape?: Shape; only: string[]; edit?: (doc: Record<string, any>) => void }): Promise<TenantRun> {
  const app = await startTenantApp({ ...cert, carrier: o.carrier, flaws: o.flaws, shape: o.shape });
  try {
    const env = tenantEnv(app);
    const file = writeProbeFile(dir, tenantProbeFile(app, o.carrier, o.edit), `tenant-${o.carrier}-${(o.flaws ?? []).join("-") || "fixed"}-${o.shape ?? "plain"}.yaml`);
    const plan = loadProbeFile(file, env);
    const { checks, client } = probeChecks(plan, { resolve: new Map([[`${APP_HOST}:${app.port}`, "127.0.0.1"]]), lookupHost: () => Promise.reject(new Error("tests resolve through --resolve only")), ca: readFileSync(ca.caFile) });
    const outcomes = await runChecks(checks, { only: o.only } as unknown as VerifyContext, { concurrency: 1, checkTimeoutMs: 60_000, budgetMs: 120_000 });
    return { outcomes, requests: client.requestsSent, env, text: JSON.stringify(outcomes) };
  } finally {
    await app.close();
  }
}
