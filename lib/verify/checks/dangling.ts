import { normalizeName } from "../../dns/names";
import { takeoverService } from "../../zone/catalogues";
import { targetState } from "../../zone/dangling";
import type { Check } from "../types";
import { CouldNotRun } from "../types";

// dns.dangling: each name the zone export (or the stack) lists as a CNAME, asked live. A CNAME
// whose target is gone (NXDOMAIN) at a service that lets anyone claim the name is a subdomain
// takeover waiting to happen; elsewhere it is a broken name. The live answer decides, so a record
// already deleted is not reported.

export const dnsDangling: Check = {
  id: "dns.dangling",
  needs: "cnames",
  area: "Transport security",
  runbook: "dns-or-dnssec-misconfiguration",
  async run(ctx) {
    const evidence: string[] = [];
    const takeover: string[] = [];
    const broken: string[] = [];
    const unknown: string[] = [];
    let asked = 0;
    for (const name of ctx.cnameNames!) {
      let target: string;
      try {
        [target] = await ctx.resolver.resolveCname(name);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENODATA" || code === "ENOTFOUND") continue;
        unknown.push(`${name} (${code})`);
        continue;
      }
      asked++;
      const target_ = normalizeName(target);
      const s = await targetState(ctx.resolver, target_);
      const service = takeoverService(target_)?.name;
      evidence.push(`${name} CNAME ${target_}: ${s.detail}${service ? ` (${service})` : ""}`);
      if (s.state === "dangling") (service ? takeover : broken).push(service ? `${name} -> ${target_} on ${service}` : `${name} -> ${target_}`);
      else if (s.state === "unknown") unknown.push(`${target_} (${s.detail})`);
    }
    if (takeover.length) return { status: "fail", summary: `dangling CNAME${takeover.length > 1 ? "s" : ""} open to takeover (target does not exist): ${takeover.join(", ")}. Delete ${takeover.length > 1 ? "them" : "it"}.`, evidence };
    if (broken.length) return { status: "warn", summary: `CNAME target${broken.length > 1 ? "s" : ""} that no longer exist: ${broken.join(", ")}`, evidence };
    if (unknown.length) throw new CouldNotRun(`could not resolve ${unknown.join(", ")}. Fix: check --dns-server answers for these names.`);
    // Nothing answered with a CNAME (proxied hosts answer with Cloudflare's addresses): nothing judged.
    if (asked === 0) return { status: "skip", summary: "no listed name answers with a CNAME (proxied hosts answer with the edge's addresses); give --existing-zone <export> to ask the zone's other CNAMEs", evidence };
    return { status: "pass", summary: `${asked} CNAME${asked > 1 ? "s" : ""} checked; every target exists`, evidence };
  },
};
