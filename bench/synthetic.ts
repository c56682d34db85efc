import type { CapturedResource } from "../lib/plan/types";

// A realistic mix for scale runs, in four kinds repeated: DNS records, zone settings, secrets and
// functions with environment maps (the places the secret and debug rules read).

export const SYNTHETIC_KINDS = ["dns", "zone-setting", "secret", "function"] as const;

export function syntheticInputs(i: number): { type: string; name: string; inputs: Record<string, unknown> } {
  switch (SYNTHETIC_KINDS[i % 4]) {
    case "dns":
      return { type: "cloudflare:index/dnsRecord:DnsRecord", name: `rec-${i}`, inputs: { zoneId: "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b", name: `svc-${i}.example.com`, type: i % 8 === 0 ? "TXT" : "CNAME", content: i % 8 === 0 ? `v=spf1 include:_spf.example.net -all` : `origin-${i}.example.net`, proxied: i % 8 !== 0, ttl: 1 } };
    case "zone-setting":
      return { type: "cloudflare:index/zoneSetting:ZoneSetting", name: `zs-${i}`, inputs: { zoneId: "9c1e5a7b3d2f4c6e8a0b1d3f5e7c9a2b", settingId: "min_tls_version", value: "1.2" } };
    case "secret":
      return { type: "aws:secretsmanager/secret:Secret", name: `secret-${i}`, inputs: { name: `/launch-baseline/prod/s-${i}`, kmsKeyId: "arn:aws:kms:eu-west-1:222233334444:key/1", recoveryWindowInDays: 30, tags: { environment: "prod" } } };
    default:
      return {
        type: "aws:lambda/function:Function",
        name: `fn-${i}`,
        inputs: { packageType: "Image", imageUri: `222233334444.dkr.ecr.eu-west-1.amazonaws.com/app:${i}`, role: "arn:aws:iam::222233334444:role/community-app-prod", environment: { variables: { NODE_ENV: "production", LOG_LEVEL: "info", API_URL: `https://api.example.com/v${i}`, SECRET_ARN: `arn:aws:secretsmanager:eu-west-1:222233334444:secret:/launch-baseline/prod/s-${i}-abcdef` } }, tags: { environment: "prod" } },
      };
  }
}

/** The same mix as captured resources, for timing the policy evaluation alone. */
export function syntheticResources(n: number): CapturedResource[] {
  const provider: CapturedResource = { urn: "urn:pulumi:prod::launch-baseline::pulumi:providers:aws::aws", type: "pulumi:providers:aws", name: "aws", custom: true, parent: null, provider: null, dependencies: [], inputs: { region: "eu-west-1", allowedAccountIds: '["222233334444"]', defaultTags: '{"tags":{"environment":"prod"}}' } };
  return [
    provider,
    ...Array.from({ length: n }, (_, i) => {
      const { type, name, inputs } = syntheticInputs(i);
      return { urn: `urn:pulumi:prod::launch-baseline::${type}::${name}`, type, name, custom: true, parent: null, provider: type.startsWith("aws:") ? provider.urn : null, dependencies: [], inputs };
    }),
  ];
}

/** The same mix as a `pulumi stack export` (deployment version 3), for timing `plan --state`. */
export function syntheticExport(n: number): object {
  const stack = "urn:pulumi:prod::launch-baseline::pulumi:pulumi:Stack::launch-baseline-prod";
  const resources = syntheticResources(n).map((r) => ({ urn: r.urn, custom: r.custom, type: r.type, inputs: r.inputs, outputs: r.inputs, parent: stack, ...(r.provider ? { provider: `${r.provider}::provider-id` } : {}) }));
  return { version: 3, deployment: { manifest: { time: "2026-01-01T00:00:00Z", magic: "", version: "v3.248.0" }, resources: [{ urn: stack, custom: false, type: "pulumi:pulumi:Stack", outputs: {} }, ...resources] } };
}
