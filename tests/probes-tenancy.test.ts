import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_HOST } from "./helpers/probe-file";
import type { TenantFlaw } from "./helpers/tenant-app";
import { runTenantProbes, type TenantRun } from "./helpers/tenant-probes";
import { makeCa, type TestCa } from "./helpers/test-ca";

// The probes against a multi-tenant Express 5 app written apart from them (tests/helpers/
// tenant-app.ts): each flaw class is caught on its own flawed twin with exact verdicts, and the
// fixed app passes every one. Nothing the app or the users hold secret appears in what they say.

let ca: TestCa;
let cert: { cert: Buffer; key: Buffer };
const dir = mkdtempSync(join(tmpdir(), "lb-tenant-"));
beforeAll(() => {
  ca = makeCa();
  cert = ca.issue(APP_HOST);
});

const NEW_PROBES = ["authn.weak-signing-key", "session", "authz.objects", "authz.tenant-selectors", "flows", "authn.enumeration"];
const verdicts = (r: TenantRun) => Object.fromEntries(r.outcomes.map((o) => [o.id, o.status]));
const one = (r: TenantRun) => r.outcomes[0];

function expectNoSecrets(r: TenantRun) {
  for (const k of ["TENANT_PASSWORD_A", "TENANT_PASSWORD_B", "TENANT_EXPIRED_TOKEN"]) expect(r.text).not.toContain(r.env[k]);
  expect(r.text).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  expect(r.text).not.toMatch(/s%3A|s:[\w-]{20,}\./);
}

describe("the fixed workspace app", () => {
  it.each(["bearer", "cookie"] as const)("%s: every new probe passes or does not apply", async (carrier) => {
    const r = await runTenantProbes(ca, cert, dir, { carrier, only: NEW_PROBES });
    expect(verdicts(r)).toEqual({
      "authn.weak-signing-key": carrier === "bearer" ? "pass" : "skip",
      "session.fixation": carrier === "cookie" ? "pass" : "skip",
      "session.cookie-flags": carrier === "cookie" ? "pass" : "skip",
      "session.entropy": carrier === "cookie" ? "pass" : "skip",
      "session.token-lifecycle": carrier === "bearer" ? "pass" : "skip",
      "authz.objects": "pass",
      "authz.tenant-selectors": "pass",
      "flows.invite": "pass",
      "flows.signup-mass-assignment": "pass",
      "flows.password-change": "pass",
      "authn.enumeration": "pass",
    });
    const tenancy = r.outcomes.find((o) => o.id === "authz.tenant-selectors")!;
    expect(tenancy.summary).toBe("24 request(s) naming the other tenant got none of its data (declared selectors header X-Org-Id, query org, the path's {tenant}, body orgId)");
    expect(r.requests).toBeLessThan(1000);
    expectNoSecrets(r);
  });

  it("without declared selectors, tries the common names on reads only and says which", async () => {
    const r = await runTenantProbes(ca, cert, dir, { carrier: "bearer", flaws: ["tenant-write"], only: ["authz.tenant-selectors"], edit: (d) => delete d.tenants });
    expect(one(r)).toMatchObject({ status: "pass", summary: "36 request(s) naming the other tenant got none of its data (common selectors header X-Org-Id, header X-Tenant-Id, header X-Organization, query org, query orgId, query tenant, on reads only)" });
    expect(one(r).evidence.some((e) => e.startsWith("POST"))).toBe(false);
    const header = await runTenantProbes(ca, cert, dir, { carrier: "bearer", flaws: ["tenant-header"], only: ["authz.tenant-selectors"], edit: (d) => delete d.tenants });
    expect(one(header).status).toBe("fail");
    expect(one(header).summary).toMatch(/^the client chooses the tenant: user b reads a's tenant by naming it in header X-Org-Id on GET \/api\/projects;/);
  });
});

const FLAWED: Array<[TenantFlaw, "bearer" | "cookie", string, string, string]> = [
  ["tenant-header", "bearer", "authz.tenant-selectors", "fail", "the client chooses the tenant: user b reads a's tenant by naming it in header X-Org-Id on GET /api/projects; user a reads b's tenant by naming it in header X-Org-Id on GET /api/projects; user b reads a's tenant by naming it in header X-Org-Id on GET /api/threads/thr_a1 (+1 more)"],
  ["tenant-query", "cookie", "authz.tenant-selectors", "fail", "the client chooses the tenant: user b reads a's tenant by naming it in query org on GET /api/projects; user a reads b's tenant by naming it in query org on GET /api/projects; user b reads a's tenant by naming it in query org on GET /api/threads/thr_a1 (+1 more)"],
  ["tenant-path", "bearer", "authz.tenant-selectors", "fail", "the client chooses the tenant: user b reads a's tenant by naming it in the path's {tenant} on GET /api/orgs/{tenant}/members; user a reads b's tenant by naming it in the path's {tenant} on GET /api/orgs/{tenant}/members"],
  ["tenant-write", "bearer", "authz.tenant-selectors", "fail", "the client chooses the tenant: user b writes into a's tenant by naming it in header X-Org-Id on POST /api/projects; user b writes into a's tenant by naming it in body orgId on POST /api/projects; user a writes into b's tenant by naming it in header X-Org-Id on POST /api/projects (+1 more)"],
  ["children-unscoped", "bearer", "authz.objects", "fail", "user b reaches user a's objects: user b GET replies thr_a1 (id in the path) -> 200 with a's object"],
  ["session-fixation", "cookie", "session.fixation", "fail", "session fixation: the session id set before login is signed in after it (the app's own pre-login cookie)"],
  ["insecure-cookie", "cookie", "session.cookie-flags", "fail", "the session cookie lacks Secure, HttpOnly, SameSite"],
  ["weak-session-id", "cookie", "session.entropy", "fail", "session ids carry about 5 bits of entropy: guessable (OWASP asks for at least 64)"],
  ["logout-kept", "cookie", "authn.logout", "fail", "the token still works after logout (200)"],
  ["enum-status", "bearer", "authn.enumeration", "fail", "accounts can be enumerated: login answers 401 for a known account and 404 for an unknown one"],
  ["enum-body", "cookie", "authn.enumeration", "fail", "accounts can be enumerated: password reset answers a known and an unknown account with different bodies (ids, times and nonces stripped)"],
  ["enum-signup", "bearer", "authn.enumeration", "fail", "accounts can be enumerated: signup answers 409 for a known account and 201 for an unknown one"],
  ["refresh-not-rotated", "bearer", "session.token-lifecycle", "fail", "tokens outlive their use: refresh hands back the same refresh token: it never rotates"],
  ["refresh-reusable", "bearer", "session.token-lifecycle", "fail", "tokens outlive their use: a used refresh token buys another access token"],
  ["access-no-exp", "bearer", "session.token-lifecycle", "fail", "tokens outlive their use: the access token has no exp: it never expires"],
  ["exp-ignored", "bearer", "session.token-lifecycle", "fail", "tokens outlive their use: GET /api/me accepts an expired token; GET /api/projects accepts an expired token"],
  ["alg-confusion", "bearer", "authn.weak-signing-key", "fail", "tokens can be signed without the app's key: GET /api/me accepts a token re-signed HS256 with the RS256 public key as the secret, SPKI PEM"],
  ["kid-path", "bearer", "authn.weak-signing-key", "fail", "tokens can be signed without the app's key: GET /api/me accepts a token with a kid pointing at /dev/null through ../, empty key"],
  ["invite-reusable", "bearer", "flows.invite", "fail", "invites are not bound: an invite can be accepted twice"],
  ["invite-any-email", "cookie", "flows.invite", "fail", "invites are not bound: an invite is accepted by an address it was not sent to"],
  ["signup-mass-assign", "bearer", "flows.signup-mass-assignment", "fail", "mass assignment at signup: signup let the client set role; signup let the client join user a's organisation through orgId"],
  ["password-change-no-current", "bearer", "flows.password-change", "fail", "a password change is weak: a password change succeeds without the current password"],
  ["password-change-keeps-sessions", "cookie", "flows.password-change", "fail", "a password change is weak: other sessions survive a password change"],
];

describe("each flaw class on its flawed twin", () => {
  it.each(FLAWED)("%s (%s): %s", async (flaw, carrier, probe, status, summary) => {
    const r = await runTenantProbes(ca, cert, dir, { carrier, flaws: [flaw], only: [probe] });
    expect(one(r)).toMatchObject({ id: probe, status, summary });
    expectNoSecrets(r);
  });

  it("a known account's slower login shows in the rank test, with its effect size", async () => {
    const r = await runTenantProbes(ca, cert, dir, { carrier: "bearer", flaws: ["enum-timing"], only: ["authn.enumeration"] });
    expect(one(r).status).toBe("fail");
    expect(one(r).summary).toMatch(/^accounts can be enumerated: login takes longer for a known account \(median gap \d+\.\d ms, rank-biserial (0\.[5-9]\d|1\.00), p=[\d.e-]+ over 30 pairs\)$/);
    expect(one(r).evidence).toContainEqual(expect.stringMatching(/^password reset timing \(known minus unknown\): median gap -?\d+\.\d ms/));
  });

  it("names a weak HMAC key by its place in the list and a hash, never the key", async () => {
    const r = await runTenantProbes(ca, cert, dir, { carrier: "bearer", flaws: ["weak-hmac-key"], only: ["authn.weak-signing-key"] });
    const { weakSecrets } = await import("../lib/probes/weak-keys.js");
    expect(one(r).summary).toMatch(/^tokens can be signed without the app's key: the token's HMAC key is on a public list of leaked keys \(wallarm\/jwt-secrets line 4243, sha256 [0-9a-f]{12}…\): rotate it to 32 random bytes$/);
    expect(one(r).evidence[0]).toMatch(/^HS256 token checked offline against 103979 listed keys: signed with key #4242 \(sha256 [0-9a-f]{12}…\)$/);
    expect(r.text).not.toContain(weakSecrets()[4242]);
  });
});

describe("a refused owner is could not run, never a verdict", () => {
  it("user a's own 403 gives no fingerprint, and b's identical 403 is no leak", async () => {
    const r = await runTenantProbes(ca, cert, dir, { carrier: "bearer", flaws: ["owner-refused"], only: ["authz.objects"] });
    expect(one(r)).toMatchObject({ status: "error", summary: "user a cannot read GET /api/threads/thr_a1 (status 403). Fix: set objects[0].id to a threads user a owns, or check user a's account" });
    expect(one(r).evidence.slice(0, 1)).toEqual(["GET /api/threads/thr_a1 -> 403 (user a, the owner): refused, nothing to compare with"]);
  });

  it("an empty list as a's view is could not run: nothing to recognise", async () => {
    const r = await runTenantProbes(ca, cert, dir, { carrier: "bearer", only: ["authz.objects"], edit: (d) => (d.objects = [{ kind: "drafts", path: "/api/empty/{id}", id: "d1" }]) });
    expect(one(r)).toMatchObject({ status: "error", summary: "user a's view of GET /api/empty/d1 holds nothing to recognise (an empty list, or no id, e-mail or text of its own). Fix: set objects[0].id to a drafts with content" });
  });
});

describe("fingerprints hold for any response shape", () => {
  it.each(["envelope", "jsonapi", "hal", "graphql"] as const)("%s: b reading a's thread through the tenant header is caught; the fixed app passes", async (shape) => {
    const flawed = await runTenantProbes(ca, cert, dir, { carrier: "bearer", shape, flaws: ["tenant-header"], only: ["authz.tenant-selectors"] });
    expect(one(flawed).summary).toContain("user b reads a's tenant by naming it in header X-Org-Id on GET /api/threads/thr_a1");
    const fixed = await runTenantProbes(ca, cert, dir, { carrier: "bearer", shape, only: ["authz.objects", "authz.tenant-selectors"] });
    expect(verdicts(fixed)).toEqual({ "authz.objects": "pass", "authz.tenant-selectors": "pass" });
  });
});

describe("limits", () => {
  it("a spent request budget stops the probes with could not run, not a verdict", async () => {
    const r = await runTenantProbes(ca, cert, dir, { carrier: "bearer", only: ["authz.tenant-selectors"], edit: (d) => (d.limits.requests = 10) });
    expect(one(r)).toMatchObject({ status: "error", summary: "the request budget (limits.requests: 10) is spent" });
    expect(r.requests).toBe(10);
  });
});
