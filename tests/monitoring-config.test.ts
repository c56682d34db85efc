import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../lib/config/errors";
import { parseLaunchConfig } from "../lib/config/parse";
import { readStackConfig, withSecretPlaceholders } from "../lib/config/stack-file";
import { editedStacks, runPlan } from "./helpers/run-plan";

async function refused(stack: string, edit: (y: string) => string, problem: (file: string) => string) {
  const dir = editedStacks(stack, edit);
  const file = join(dir, `Pulumi.${stack}.yaml`);
  const r = await runPlan(["--stack", stack, "--stacks-dir", dir]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(`error: Invalid configuration for stack "${stack}" (${file}):\n  - ${problem(file)}\n`);
}

const RATE_FIX = (f: string) => `Fix: edit launch-baseline:rateLimits in ${f} (example: {endpoints: [{name: login, path: /api/auth/login, class: auth, perMinute: 10}]})`;
const endpoints = (lines: string) => `  launch-baseline:rateLimits:\n    endpoints:\n${lines}`;

describe("monitoring configuration errors", () => {
  it("more rules than the plan allows", async () => {
    const pinned = ["a", "b", "c"].map((r, i) => `      - name: e${i}\n        path: /api/e${i}\n        class: auth\n        perMinute: 5\n        rule: ${r}\n`).join("");
    await refused("staging", (y) => y + endpoints(pinned), (f) => `launch-baseline:rateLimits.endpoints = [{"name":"e0","path":"/api/e0","class":"auth","perMinute":5,"rule":"a"},{"nam...: pin endpoints into 3 rules; the pro plan allows 2 rate-limiting rules. ${RATE_FIX(f)}`);
  });

  it("method matching on the free plan", async () => {
    await refused("dev", (y) => y + endpoints("      - name: login\n        path: /api/auth/login\n        method: POST\n        class: auth\n        perMinute: 10\n"), (f) => `launch-baseline:rateLimits.endpoints[0].method = "POST": needs method matching, which the free plan does not have (business or enterprise); remove it to match the path alone. ${RATE_FIX(f)}`);
  });

  it("a threshold of zero", async () => {
    await refused("prod", (y) => y + endpoints("      - name: login\n        path: /api/auth/login\n        class: auth\n        perMinute: 0\n"), (f) => `launch-baseline:rateLimits.endpoints[0].perMinute = 0: must be at least 1: a limit of zero would block every request. ${RATE_FIX(f)}`);
  });

  it("a counting period the plan does not offer", async () => {
    await refused("dev", (y) => y + "  launch-baseline:rateLimits:\n    period: 60\n", (f) => `launch-baseline:rateLimits.period = 60: is not a counting period the free plan offers (10 s). ${RATE_FIX(f)}`);
  });

  it("an invalid alert email", async () => {
    await refused("staging", (y) => y.replace("        - oncall@example.com", "        - oncall-at-example.com"), (f) => `launch-baseline:alerts.critical.emails[0] = "oncall-at-example.com": must be an email address such as oncall@example.com. Fix: edit launch-baseline:alerts in ${f} (example: {critical: {emails: [oncall@example.com]}, warning: {emails: [team@example.com]}})`);
  });

  it("an uptime check on a host the stack does not serve", async () => {
    await refused("staging", (y) => y.replace("https://api.staging.example.com/health", "https://api.example.com/health"), (f) => `launch-baseline:uptime.checks[2].url = "https://api.example.com/health": is on api.example.com, which is not one of launch-baseline:hosts. Fix: edit launch-baseline:uptime in ${f} (example: {checks: [{name: api-health, url: https://api.example.com/health, match: ok}]})`);
  });

  it("an http:// webhook held as a secret: refused, and the URL never shown", () => {
    const { raw } = readStackConfig("stacks", "prod");
    const url = "http://events.example.net/hooks/incident";
    const withValues = new Map(raw);
    withValues.set("launch-baseline:secretValues", { value: JSON.stringify({ "smtp-password": "x".repeat(12), "payment-provider-key": "y".repeat(12), "pagerduty-critical-url": url }), secret: true });
    let problems: readonly string[] = [];
    try {
      parseLaunchConfig(withSecretPlaceholders(withValues).raw, { stack: "prod", source: "stacks/Pulumi.prod.yaml" });
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    expect(problems).toEqual([
      "launch-baseline:secretValues.pagerduty-critical-url is not an https:// URL (value not shown); alert webhooks must use TLS. Fix: pulumi config set --secret --path 'launch-baseline:secretValues.pagerduty-critical-url' --stack prod with the https:// URL",
    ]);
    expect(problems.join("")).not.toContain("events.example.net");
  });
});
