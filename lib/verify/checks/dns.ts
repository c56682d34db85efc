import { caa, ns } from "../dns-lookup";
import type { Check } from "../types";

export const dnsNameservers: Check = {
  id: "dns.nameservers",
  needs: "domain",
  area: "Transport security",
  runbook: "dns-or-dnssec-misconfiguration",
  async run(ctx) {
    const servers = await ns(ctx.resolver, ctx.domain);
    if (servers.length === 0) return { status: "fail", summary: `${ctx.domain} has no NS records`, evidence: [] };
    const cloudflare = servers.every((s) => s.toLowerCase().replace(/\.$/, "").endsWith(".ns.cloudflare.com"));
    return cloudflare
      ? { status: "pass", summary: `${ctx.domain} is served by Cloudflare`, evidence: servers }
      : { status: "fail", summary: `${ctx.domain} is not (only) served by Cloudflare, so the edge settings do not apply`, evidence: servers };
  },
};

export const dnsCaa: Check = {
  id: "dns.caa",
  needs: "domain",
  area: "Transport security",
  runbook: "tls-certificate-failure",
  async run(ctx) {
    const records = await caa(ctx.resolver, ctx.domain);
    const issuers = records.filter((r) => r.issue !== undefined).map((r) => String(r.issue));
    const iodef = records.filter((r) => r.iodef !== undefined).map((r) => String(r.iodef));
    const evidence = [...issuers.map((i) => `issue ${i}`), ...iodef.map((i) => `iodef ${i}`)];
    if (issuers.length === 0) return { status: "warn", summary: "no CAA issue record: any CA may issue for the domain", evidence };
    if (iodef.length === 0) return { status: "warn", summary: `CAA limits issuance to ${issuers.join(", ")} but names no iodef contact`, evidence };
    return { status: "pass", summary: `only ${issuers.join(", ")} may issue; refusals go to ${iodef.join(", ")}`, evidence };
  },
};
