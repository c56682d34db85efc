import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProbeFile } from "../lib/probes/probe-file";
import { fillTemplate } from "../lib/probes/session";
import { APP_HOST, probeEnv, sampleProbeFile, writeProbeFile } from "./helpers/probe-file";
import { runCli } from "./helpers/run-plan";
import { startSampleApp, type SampleApp } from "./helpers/sample-app";
import { makeCa } from "./helpers/test-ca";

// A bad probe file is refused before anything is sent: exit 2, one line naming the key and the fix.

let app: SampleApp;
const dir = mkdtempSync(join(tmpdir(), "lb-probe-file-"));

beforeAll(async () => {
  const ca = makeCa();
  app = await startSampleApp({ ...ca.issue(APP_HOST), carrier: "bearer" });
});
afterAll(() => app.close());

async function refused(edit: (doc: Record<string, any>) => void, env: Record<string, string | undefined> = {}): Promise<string> {
  const file = writeProbeFile(dir, sampleProbeFile(app, "bearer", edit));
  const run = await runCli("verify", ["--probes", file, "--resolve", `${APP_HOST}:${app.port}:127.0.0.1`], { ...probeEnv(app), ...env } as Record<string, string>);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(app.hits.size).toBe(0);
  return run.stderr.replace(file, "probes.yaml").trim();
}

describe("bad probe files exit 2 with one clear message and send nothing", () => {
  it("an unknown key, with the key it likely meant", async () => {
    expect(await refused((d) => (d.auth.login.tokn = "token"))).toBe('error: probes.yaml: auth.login has unknown key "tokn" (did you mean token?). Fix: remove or rename it; the keys are listed in docs/probes.md.');
    expect(await refused((d) => ((d.allowedHost = d.allowedHosts), delete d.allowedHosts))).toBe('error: probes.yaml: the file has unknown key "allowedHost" (did you mean allowedHosts?). Fix: remove or rename it; the keys are listed in docs/probes.md.');
  });

  it("a missing user, or a user's credentials missing from the environment", async () => {
    expect(await refused((d) => delete d.users.b)).toBe("error: probes.yaml: users.b is missing. Fix: add it; see the example in probes.example.yaml and docs/probes.md.");
    expect(await refused(() => {}, { PROBE_PASSWORD_B: "" })).toBe("error: PROBE_PASSWORD_B is not set: probes.yaml takes user b's password from it. Fix: export PROBE_PASSWORD_B (a test account, never a real user's).");
    expect(await refused((d) => (d.users.b.org = "acme"))).toBe('error: probes.yaml: users.a and users.b are both in org "acme"; the authorization probes need two orgs. Fix: give user b a test account in another org.');
  });

  it("a host not in the allow list", async () => {
    expect(await refused((d) => (d.abuse[0].path = "https://login.elsewhere.example/api/auth/login"))).toBe(
      "error: probes.yaml: abuse[0] names host login.elsewhere.example, which is not in allowedHosts (app.probe.test). Fix: add it to allowedHosts if the probes may send it requests, or correct the URL.",
    );
  });

  it("a destructive method the file does not allow, and plain HTTP", async () => {
    expect(await refused((d) => (d.allowDestructive = false))).toBe(
      "error: probes.yaml: objects[0] sends PATCH, which changes or deletes data, and allowDestructive is not set. Fix: set allowDestructive: true (only against a test deployment), or list only GET, HEAD and POST.",
    );
    expect(await refused((d) => (d.baseUrl = d.baseUrl.replace("https:", "http:")))).toBe("error: probes.yaml: baseUrl must be an https:// URL. Fix: correct it in the probe file.");
  });

  it("a value of the wrong type, and a file that is not YAML", async () => {
    expect(await refused((d) => (d.abuse[0].threshold = "ten"))).toBe("error: probes.yaml: abuse[0].threshold must be a number. Fix: correct it in the probe file.");
    const file = writeProbeFile(dir, "baseUrl: [unclosed\n", "broken.yaml");
    const run = await runCli("verify", ["--probes", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: ${file} is not YAML: .+\\. Fix: correct the syntax\\.\\n$`));
  });
});

describe("the shipped example", () => {
  it("probes.example.yaml is a valid probe file", () => {
    const env = { APP_PROBE_USER_A: "a@example.com", APP_PROBE_PASSWORD_A: "x", APP_PROBE_USER_B: "b@example.com", APP_PROBE_PASSWORD_B: "y" };
    const plan = loadProbeFile("probes.example.yaml", env);
    expect(plan.allowedHosts).toEqual(["app.example.com"]);
    expect(plan.credentials.a.username).toBe("a@example.com");
  });
});

describe("request body templates", () => {
  it("fill the placeholders the probe knows and leave others as written, including names every JavaScript object has", () => {
    const password = `pw-${Date.now()}`;
    expect(fillTemplate({ user: "{{username}}", pass: "{{password}}", note: "{{constructor}} {{toString}} {{unknown}}", list: ["{{username}}"] }, { username: "a@example.test", password })).toEqual({ user: "a@example.test", pass: password, note: "{{constructor}} {{toString}} {{unknown}}", list: ["a@example.test"] });
  });
});
