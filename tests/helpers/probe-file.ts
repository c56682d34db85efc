import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { SampleApp } from "./sample-app";

// The probe file for the sample app, as a team would write it for theirs, and the environment that
// carries the two users' credentials.

export const APP_HOST = "app.probe.test";

export function sampleProbeFile(app: SampleApp, carrier: "bearer" | "cookie", edit: (doc: Record<string, any>) => void = () => {}): Record<string, any> {
  const doc: Record<string, any> = {
    baseUrl: `https://${APP_HOST}:${app.port}`,
    allowedHosts: [APP_HOST],
    allowDestructive: true,
    limits: { requests: 600, seconds: 60, timeoutMs: 3000 },
    auth: {
      carrier,
      login: { method: "POST", path: "/api/auth/login", body: { email: "{{username}}", password: "{{password}}" }, ...(carrier === "bearer" ? { token: "token" } : { cookie: "session" }) },
      logout: { method: "POST", path: "/api/auth/logout" },
      signup: { method: "POST", path: "/api/auth/signup", body: { email: "new-member@acme.test", password: "a-long-enough-pass", name: "New Member" } },
      ...(carrier === "cookie" ? { csrf: { header: "X-CSRF-Token", fromCookie: "csrf" } } : {}),
      expiredTokenEnv: "PROBE_EXPIRED_TOKEN",
    },
    users: { a: { usernameEnv: "PROBE_USER_A", passwordEnv: "PROBE_PASSWORD_A", org: "acme" }, b: { usernameEnv: "PROBE_USER_B", passwordEnv: "PROBE_PASSWORD_B", org: "globex" } },
    protected: [{ method: "GET", path: "/api/me" }],
    objects: [
      {
        kind: "posts",
        path: "/api/posts/{id}",
        id: "101",
        methods: ["GET", "PATCH", "DELETE"],
        query: "/api/posts?id={id}",
        body: { method: "POST", path: "/api/posts/lookup", field: "id" },
        lookups: [
          { path: "/api/posts/batch?ids={ids}", many: true },
          { method: "POST", path: "/api/posts/search", field: "ids", many: true },
        ],
      },
    ],
    stateChanging: [{ method: "POST", path: "/api/posts", body: { title: "forged", text: "forged" } }],
    admin: [{ method: "GET", path: "/api/admin/users" }],
    abuse: [{ method: "POST", path: "/api/auth/login", threshold: 10, body: { email: "nobody@probe.test", password: "wrong-password" } }],
    input: [{ method: "POST", path: "/api/posts", body: { title: "probe", text: "probe" }, maxBodyBytes: 65536 }],
    latency: { targetMs: 500, requests: 100, concurrency: 5, flows: [{ name: "feed", method: "GET", path: "/api/posts", as: "a" }] },
  };
  edit(doc);
  return doc;
}

export function writeProbeFile(dir: string, doc: unknown, name = "probes.yaml"): string {
  const file = join(dir, name);
  writeFileSync(file, typeof doc === "string" ? doc : stringify(doc));
  return file;
}

export function probeEnv(app: SampleApp): Record<string, string> {
  return { PROBE_USER_A: app.users.a.email, PROBE_PASSWORD_A: app.users.a.password, PROBE_USER_B: app.users.b.email, PROBE_PASSWORD_B: app.users.b.password, PROBE_EXPIRED_TOKEN: app.expiredToken() };
}
