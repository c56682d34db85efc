import { describe, expect, it } from "vitest";
import { ConfigError } from "../lib/config/errors";
import { parseLaunchConfig, type RawConfig, type RawValue } from "../lib/config/parse";
import { readStackConfig, withSecretPlaceholders } from "../lib/config/stack-file";

const ctx = { stack: "prod", source: "stacks/Pulumi.prod.yaml" };

function prodRaw(edit: (m: Map<string, RawValue>) => void = () => {}): RawConfig {
  // As the plan does: external secret values the stack file cannot hold get placeholders.
  const m = new Map(withSecretPlaceholders(readStackConfig("stacks", "prod").raw).raw);
  edit(m);
  return m;
}

function problems(raw: RawConfig, c = ctx): readonly string[] {
  try {
    parseLaunchConfig(raw, c);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("the shipped stacks", () => {
  it.each(["dev", "staging", "prod"])("%s parses, with its per-environment HSTS default", (stack) => {
    const config = parseLaunchConfig(withSecretPlaceholders(readStackConfig("stacks", stack).raw).raw, { stack, source: `stacks/Pulumi.${stack}.yaml` });
    expect(config.environment).toBe(stack);
    expect(config.hsts).toEqual({ maxAgeSeconds: { dev: 3600, staging: 86400, prod: 31536000 }[stack], includeSubdomains: false, preload: false });
    expect(config.minTlsVersion).toBe("1.2");
    expect(config.caa.issuers).toEqual(["letsencrypt.org", "pki.goog", "ssl.com"]);
  });

  it("each environment has its own AWS account, Cloudflare account and zone", () => {
    const ids = ["dev", "staging", "prod"].map((s) => parseLaunchConfig(withSecretPlaceholders(readStackConfig("stacks", s).raw).raw, { stack: s, source: s }));
    for (const key of ["awsAccountId", "cloudflareAccountId", "cloudflareZoneId", "domain"] as const) {
      expect(new Set(ids.map((c) => c[key])).size).toBe(3);
    }
  });
});

describe("invalid configuration: one message per problem, naming key, value and fix", () => {
  it("a missing required key", () => {
    expect(problems(prodRaw((m) => m.delete("launch-baseline:domain")))).toEqual([
      "launch-baseline:domain is required: The Cloudflare zone this environment serves (its apex). Fix: pulumi config set launch-baseline:domain example.com --stack prod",
    ]);
  });

  it("an unknown key, with a suggestion", () => {
    expect(problems(prodRaw((m) => m.set("launch-baseline:minTlsVersoin", { value: "1.3", secret: false })))).toEqual([
      "launch-baseline:minTlsVersoin is not a key this project reads (did you mean launch-baseline:minTlsVersion?). Fix: pulumi config rm launch-baseline:minTlsVersoin --stack prod",
    ]);
  });

  it("an unknown field inside a structured key", () => {
    expect(problems(prodRaw((m) => m.set("launch-baseline:hsts", { value: JSON.stringify({ maxAgeSeconds: 31536000, includeSubdomain: true }), secret: false })))).toEqual([
      'launch-baseline:hsts has unknown field "includeSubdomain". Fix: remove it or correct its spelling in launch-baseline:hsts in stacks/Pulumi.prod.yaml',
    ]);
  });

  it("a malformed domain and account id", () => {
    expect(
      problems(
        prodRaw((m) => {
          m.set("launch-baseline:domain", { value: "Example..com", secret: false });
          m.set("launch-baseline:awsAccountId", { value: "12345", secret: false });
        }),
      ),
    ).toEqual([
      'launch-baseline:domain = "Example..com": must be a lowercase DNS host name such as app.example.com. Fix: pulumi config set launch-baseline:domain example.com --stack prod',
      'launch-baseline:awsAccountId = "12345": must be a 12-digit AWS account id, quoted in YAML so leading zeros survive. Fix: pulumi config set launch-baseline:awsAccountId 123456789012 --stack prod',
    ]);
  });

  it("an unknown Cloudflare plan", () => {
    expect(problems(prodRaw((m) => m.set("launch-baseline:cloudflarePlan", { value: "premium", secret: false })))).toEqual([
      'launch-baseline:cloudflarePlan = "premium": must be one of free, pro, business, enterprise. Fix: pulumi config set launch-baseline:cloudflarePlan business --stack prod',
    ]);
  });

  it("a host outside the zone and an origin that is neither a name nor an address", () => {
    expect(
      problems(
        prodRaw((m) => {
          const hosts = JSON.parse(m.get("launch-baseline:hosts")!.value);
          m.set("launch-baseline:hosts", { value: JSON.stringify([...hosts, { hostname: "app.example.org", origin: "203.0.113.10" }, { hostname: "files.example.com", origin: "http://origin" }]), secret: false });
        }),
      ),
    ).toEqual([
      'launch-baseline:hosts[5].origin = "http://origin": must be the origin\'s host name (CNAME) or an IPv4/IPv6 address. Fix: edit launch-baseline:hosts in stacks/Pulumi.prod.yaml (example: [{hostname: app.example.com, origin: web.example.net}])',
      'launch-baseline:hosts[4].hostname = "app.example.org": must be example.com or a name under it; this stack\'s zone is example.com. Fix: edit launch-baseline:hosts in stacks/Pulumi.prod.yaml (example: [{hostname: app.example.com, origin: web.example.net}])',
    ]);
    expect(
      problems(
        prodRaw((m) => {
          const hosts = JSON.parse(m.get("launch-baseline:hosts")!.value);
          m.set("launch-baseline:hosts", { value: JSON.stringify([...hosts, { hostname: "app.example.org", origin: "203.0.113.10" }]), secret: false });
        }),
      ),
    ).toEqual([
      'launch-baseline:hosts[4].hostname = "app.example.org": must be example.com or a name under it; this stack\'s zone is example.com. Fix: edit launch-baseline:hosts in stacks/Pulumi.prod.yaml (example: [{hostname: app.example.com, origin: web.example.net}])',
    ]);
  });

  it("HSTS preload without includeSubdomains, and a redirect to itself", () => {
    expect(
      problems(
        prodRaw((m) => {
          m.set("launch-baseline:hsts", { value: JSON.stringify({ maxAgeSeconds: 31536000, preload: true }), secret: false });
          m.set("launch-baseline:canonicalRedirect", { value: JSON.stringify({ from: ["example.com"], to: "example.com" }), secret: false });
        }),
      ),
    ).toEqual([
      "launch-baseline:canonicalRedirect.to = \"example.com\": must not also be in from: that would redirect the canonical host to itself forever. Fix: edit launch-baseline:canonicalRedirect in stacks/Pulumi.prod.yaml (example: {from: [www.example.com], to: example.com})",
      "launch-baseline:hsts.preload = true: needs includeSubdomains: true and maxAgeSeconds: 31536000; browsers' preload lists refuse anything less. Fix: edit launch-baseline:hsts in stacks/Pulumi.prod.yaml (example: {maxAgeSeconds: 31536000})",
    ]);
  });

  it("a stack named after one environment that claims another", () => {
    expect(problems(prodRaw((m) => m.set("launch-baseline:environment", { value: "dev", secret: false })))).toEqual([
      'launch-baseline:environment = "dev" in stack "prod": a stack named after an environment must be that environment. Fix: pulumi config set launch-baseline:environment prod --stack prod',
    ]);
  });

  it("a secret key stored in plaintext is refused without echoing it", () => {
    const token = Array.from({ length: 40 }, (_, i) => "aB3dE6gH9k"[(i * 7) % 10]).join("");
    const found = problems(prodRaw((m) => m.set("cloudflare:apiToken", { value: token, secret: false })));
    expect(found).toEqual(["cloudflare:apiToken is stored in plaintext; it is a secret. Fix: pulumi config set --secret cloudflare:apiToken --stack prod (it prompts for the value)"]);
    expect(found.join("\n")).not.toContain(token);
  });

  it("a credential-shaped plaintext value anywhere is refused without echoing it", () => {
    const key = `AKIA${"QWERTYUIOPASDFGH".split("").reverse().join("")}`;
    const found = problems(prodRaw((m) => m.set("launch-baseline:owner", { value: key, secret: false })));
    expect(found).toEqual([
      "launch-baseline:owner holds an AWS access key id in plaintext (value not shown). Fix: take it out of stacks/Pulumi.prod.yaml and rotate it, since it was exposed; secrets are set with pulumi config set --secret <key> --stack prod",
    ]);
    expect(found[0]).not.toContain(key);
  });

  it("secure values are opaque: accepted as secrets without being read", () => {
    const config = parseLaunchConfig(prodRaw((m) => m.set("cloudflare:apiToken", { value: "[secret]", secret: true })), ctx);
    expect(config.domain).toBe("example.com");
  });
});

describe("ConfigError under pulumi up", () => {
  it("is a RunError to the SDK, so the CLI prints its message without a stack trace", async () => {
    const pulumi = await import("@pulumi/pulumi");
    expect(pulumi.RunError.isInstance(new ConfigError(["a problem"], "stack \"prod\""))).toBe(true);
  });
});
