import { beforeAll, describe, expect, it } from "vitest";
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from "../lib/edge/cloudflare-ranges";
import { resolvePolicyConfig } from "../lib/plan/policy-config";
import { evaluatePolicies } from "../lib/plan/policy-runner";
import type { CapturedResource } from "../lib/plan/types";
import { policies } from "../policies/policies";
import { editedStacks, planJson, runPlan, type PlanJson } from "./helpers/run-plan";

const ZONE = { prod: "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b" } as Record<string, string>;
const docs: Record<string, PlanJson> = {};
beforeAll(async () => {
  await Promise.all((["prod", "staging", "dev"] as const).map(async (s) => (docs[s] = (await planJson(s)).doc)));
});

describe.each(["prod", "staging", "dev"] as const)("stack %s", (env) => {
  const byName = (n: string) => docs[env].resources.find((r) => r.name === n)!;
  it("turns on Authenticated Origin Pulls with the stack's own client certificate, signed by its own CA", () => {
    const zoneId = byName("edge-ssl").inputs.zoneId;
    expect(byName("origin-aop").inputs).toEqual({ zoneId, enabled: true });
    expect(byName("origin-aop").dependencies).toContain(byName("origin-aop-certificate").urn);
    // Both are computed at deploy time; the key is wrapped as a secret in the component.
    expect(byName("origin-aop-certificate").inputs).toEqual({ zoneId, certificate: "[unknown]", privateKey: "[unknown]" });
    expect(byName("origin-aop-ca").inputs).toMatchObject({ isCaCertificate: true, allowedUses: ["cert_signing", "crl_signing"], validityPeriodHours: 43800, subject: { commonName: `launch-baseline-${env}-origin-pull-ca`, organization: "launch-baseline" } });
    expect(byName("origin-aop-client").inputs).toMatchObject({ allowedUses: ["client_auth", "digital_signature", "key_encipherment"], validityPeriodHours: 8760, earlyRenewalHours: 720 });
    expect(docs[env].outputs.originPullCa).toBe("[unknown]");
  });

  it("opens the origins' security groups to Cloudflare's ranges only, where config names them", () => {
    const rules = docs[env].resources.filter((r) => r.type === "aws:ec2/securityGroupRule:SecurityGroupRule");
    if (env !== "prod") return expect(rules).toEqual([]);
    expect(rules.map((r) => r.inputs)).toEqual([{ type: "ingress", securityGroupId: "sg-0a1b2c3d4e5f60718", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: CLOUDFLARE_IPV4, ipv6CidrBlocks: CLOUDFLARE_IPV6, description: "HTTPS from Cloudflare's edge only (launch-baseline origin lockdown)" }]);
    expect(rules[0].provider).toBe("urn:pulumi:prod::launch-baseline::pulumi:providers:aws::aws");
  });
});

const urn = (type: string, name: string) => `urn:pulumi:prod::launch-baseline::${type}::${name}`;
const res = (type: string, name: string, inputs: Record<string, unknown>): CapturedResource => ({ urn: urn(type, name), type, name, custom: true, parent: null, provider: null, dependencies: [], inputs });
const host = (name: string) => res("cloudflare:index/dnsRecord:DnsRecord", name, { zoneId: ZONE.prod, name: `${name}.example.com`, type: "CNAME", content: "lb.example.net", proxied: true, ttl: 1 });
const PULLS = [res("cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings", "aop", { zoneId: ZONE.prod, enabled: true }), res("cloudflare:index/authenticatedOriginPullsCertificate:AuthenticatedOriginPullsCertificate", "aop-cert", { zoneId: ZONE.prod, certificate: "c", privateKey: "[secret]" })];
const sgRule = (cidrs: string[]) => res("aws:ec2/securityGroupRule:SecurityGroupRule", "sg-https", { type: "ingress", securityGroupId: "sg-0a1b2c3d4e5f60718", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: cidrs });

async function findings(env: string, resources: CapturedResource[]) {
  const v = await evaluatePolicies(policies, resources, resolvePolicyConfig(policies, `policies/config/${env}.json`));
  return v.filter((x) => x.policy === "origin-locked").map((x) => `${x.enforcementLevel} ${x.message}`);
}

describe("origin-locked", () => {
  it("passes origin pulls with the stack's certificate, or security groups limited to Cloudflare", async () => {
    expect(await findings("prod", [host("app"), ...PULLS])).toEqual([]);
    expect(await findings("prod", [host("app"), sgRule(CLOUDFLARE_IPV4)])).toEqual([]);
  });

  it("blocks a proxied host whose origin anyone can reach, in prod and staging; advises in dev", async () => {
    const message = "proxied host app.example.com: its origin is not locked to the edge (no Authenticated Origin Pulls with the stack's certificate, no security group limited to Cloudflare's ranges).";
    expect(await findings("prod", [host("app"), PULLS[0]])).toEqual([`mandatory ${message}`]);
    expect(await findings("staging", [host("app")])).toEqual([`mandatory ${message}`]);
    expect(await findings("dev", [host("app")])).toEqual([`advisory ${message}`]);
  });

  it("blocks a security group rule that opens HTTPS to the world", async () => {
    expect(await findings("prod", [host("app"), ...PULLS, sgRule([...CLOUDFLARE_IPV4, "0.0.0.0/0"])])).toEqual(["mandatory security group rule sg-https opens HTTPS to 0.0.0.0/0: anyone can reach the origin around the edge."]);
  });
});

describe("originLockdown configuration", () => {
  it("refuses a security group id that is not one", async () => {
    const dir = editedStacks("staging", (y) => `${y}  launch-baseline:originLockdown:\n    securityGroupIds: [web-sg]\n`);
    const r = await runPlan(["--stack", "staging", "--stacks-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('launch-baseline:originLockdown.securityGroupIds[0] = "web-sg": must be a security group id such as sg-0a1b2c3d4e5f60718.');
  });
});
