import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editedStacks, runPlan } from "./helpers/run-plan";

/** Bad input: exit 2, one `error:` message on stderr, no stack trace, and no plan on stdout. */
async function expectRefused(args: string[], message: string) {
  const r = await runPlan(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(`error: ${message}\n`);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe("plan refuses bad input with exit 2 and one clear message", () => {
  it("an unknown stack", async () => {
    await expectRefused(["--stack", "qa"], 'Unknown stack "qa": there is no stacks/Pulumi.qa.yaml. Stacks here: dev, prod, staging. Fix: pass one of them to --stack.');
  });

  it("a missing required key", async () => {
    const dir = editedStacks("prod", (y) => y.replace(/^ {2}launch-baseline:domain: .*\n/m, ""));
    await expectRefused(
      ["--stack", "prod", "--stacks-dir", dir],
      `Invalid configuration for stack "prod" (${join(dir, "Pulumi.prod.yaml")}):\n  - launch-baseline:domain is required: The Cloudflare zone this environment serves (its apex). Fix: pulumi config set launch-baseline:domain example.com --stack prod`,
    );
  });

  it("an unknown key", async () => {
    const dir = editedStacks("prod", (y) => `${y}  launch-baseline:dnsec: true\n`);
    await expectRefused(
      ["--stack", "prod", "--stacks-dir", dir],
      `Invalid configuration for stack "prod" (${join(dir, "Pulumi.prod.yaml")}):\n  - launch-baseline:dnsec is not a key this project reads (did you mean launch-baseline:dnssec?). Fix: pulumi config rm launch-baseline:dnsec --stack prod`,
    );
  });

  it("a malformed domain", async () => {
    const dir = editedStacks("staging", (y) => y.replace("launch-baseline:domain: staging.example.com", "launch-baseline:domain: staging_example"));
    await expectRefused(
      ["--stack", "staging", "--stacks-dir", dir],
      `Invalid configuration for stack "staging" (${join(dir, "Pulumi.staging.yaml")}):\n  - launch-baseline:domain = "staging_example": must be a lowercase DNS host name such as app.example.com. Fix: pulumi config set launch-baseline:domain example.com --stack staging`,
    );
  });

  it("a malformed account id", async () => {
    const dir = editedStacks("dev", (y) => y.replace('launch-baseline:awsAccountId: "444455556666"', "launch-baseline:awsAccountId: 4444-5555-6666"));
    await expectRefused(
      ["--stack", "dev", "--stacks-dir", dir],
      `Invalid configuration for stack "dev" (${join(dir, "Pulumi.dev.yaml")}):\n  - launch-baseline:awsAccountId = "4444-5555-6666": must be a 12-digit AWS account id, quoted in YAML so leading zeros survive. Fix: pulumi config set launch-baseline:awsAccountId 123456789012 --stack dev`,
    );
  });

  it("a plaintext secret, never echoed", async () => {
    // Built at run time: no credential-shaped literal lives in the repository.
    const token = Array.from({ length: 40 }, (_, i) => "Zq8Xw2Lk5Rt"[(i * 5) % 11]).join("");
    const dir = editedStacks("prod", (y) => `${y}  cloudflare:apiToken: ${token}\n`);
    const r = await runPlan(["--stack", "prod", "--stacks-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: Invalid configuration for stack "prod" (${join(dir, "Pulumi.prod.yaml")}):\n  - cloudflare:apiToken is stored in plaintext; it is a secret. Fix: pulumi config set --secret cloudflare:apiToken --stack prod (it prompts for the value)\n`);
    expect(r.stdout + r.stderr).not.toContain(token);
  });

  it("a broken stack YAML file", async () => {
    const dir = editedStacks("prod", (y) => y.replace("  launch-baseline:owner: platform-team", " launch-baseline:owner: platform-team"));
    await expectRefused(
      ["--stack", "prod", "--stacks-dir", dir],
      `${join(dir, "Pulumi.prod.yaml")} is not valid YAML at line 5, column 1: All mapping items must start at the same column. Fix: correct the file; \`pulumi config set\` rewrites it safely.`,
    );
  });

  it("an unknown option", async () => {
    const r = await runPlan(["--stack", "prod", "--frmat", "json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("error: unknown option '--frmat'\n(Did you mean --format?)\n(npm run plan -- --help lists the options)\n");
  });

  it("a policy config naming a policy the pack does not have", async () => {
    const dir = editedStacks("prod", (y) => y);
    const file = join(dir, "policy.json");
    require("node:fs").writeFileSync(file, JSON.stringify({ "zone-ssl-strictt": "advisory" }));
    await expectRefused(["--stack", "prod", "--policy-config", file], `${file}: "zone-ssl-strictt" is not a policy in this pack. Fix: use one of zone-ssl-strict, zone-always-use-https, zone-min-tls-version, zone-hsts, zone-development-mode-off, origin-locked, cache-private-paths, dns-spf-valid, dns-spf-one-per-name, dns-dmarc-valid, dns-dkim-key-strength, dns-mail-records-not-proxied, no-exposed-secrets, no-debug-mode, secrets-storage, environment-separation, uptime-checks-cover-hosts, uptime-checks-have-alarms, alarms-have-actions, route53-alarms-in-us-east-1, audit-trail, trail-bucket-private, log-groups-protected, cis-alarms, security-log-data-protection, rate-limits-cover-auth, iam-oidc-trust-pinned, iam-trust-no-public-principal, iam-pipeline-roles-not-admin, iam-deploy-role-environment, cloudflare-token-zone-scoped, state-bucket-private (or "all").`);
  });
});

describe("plan of the shipped stacks", () => {
  it("prod passes offline and says so", async () => {
    const r = await runPlan(["--stack", "prod"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Previewing launch-baseline (stack prod) offline: Pulumi's mock engine, no cloud calls, no credentials.");
    expect(r.stdout).toContain("dsRecord                 : [unknown] (computed by the cloud at deploy time)");
    expect(r.stdout).toMatch(/Resources: \+ 192 to create \(offline plan; nothing was deployed\)\nResult: passed \(0 advisory, 2 undecided until deploy\)$/m);
    // The self-managed DKIM key is generated at deploy, so its strength is judged then.
    expect(r.stdout).toContain("undecided  dns-dkim-key-strength (high)  cloudflare:index/dnsRecord:DnsRecord email-dkim-app2026");
  });

  it("with no --stack, plans every stack and summarises each", async () => {
    const r = await runPlan([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "Offline plan of every stack in stacks/:",
        "  dev      156 resources  0 mandatory, 1 advisory, 0 undecided  passed",
        "  prod     192 resources  0 mandatory, 0 advisory, 2 undecided  passed",
        "  staging  168 resources  0 mandatory, 0 advisory, 0 undecided  passed",
        "All stacks passed.",
        "",
      ].join("\n"),
    );
  });
});
