import dns2 from "dns2";
import type { Check, VerifyContext } from "../types";

// DNSSEC as a resolver sees it: the zone publishes DNSKEY records, and its parent publishes a DS
// record for it (the registrar step). Node's resolver has no DNSKEY or DS queries, so these two
// questions go out with dns2 to the same server the other checks ask.

const { Packet, UDPClient } = dns2;
const DS = 43;

async function count(ctx: VerifyContext, name: string, type: number): Promise<number> {
  const [server] = ctx.resolver.getServers();
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(server ?? "");
  if (!m) throw new Error("no DNS server to ask");
  // dns2 names types it knows; DS is asked for by number.
  const types = Packet.TYPE as unknown as Record<string, number>;
  if (!types.DS) types.DS = DS;
  const ask = UDPClient({ dns: m[1], port: Number(m[2] ?? 53), timeout: ctx.timeoutMs });
  const answer = await ask(name, type === DS ? ("DS" as never) : "DNSKEY");
  return (answer.answers as Array<{ type: number }>).filter((a) => a.type === type).length;
}

export const dnsDnssec: Check = {
  id: "dns.dnssec",
  needs: "domain",
  area: "Transport security",
  runbook: "dns-or-dnssec-misconfiguration",
  async run(ctx) {
    const keys = await count(ctx, ctx.domain, Packet.TYPE.DNSKEY);
    const ds = await count(ctx, ctx.domain, DS);
    const evidence = [`DNSKEY records at ${ctx.domain}: ${keys}`, `DS records at the parent: ${ds}`];
    if (keys === 0) return { status: "fail", summary: `${ctx.domain} is not signed (no DNSKEY)`, evidence };
    if (ds === 0) return { status: "fail", summary: "the zone is signed but the parent has no DS record: give the registrar the stack's dsRecord output", evidence };
    return { status: "pass", summary: "the zone is signed and the parent holds its DS record", evidence };
  },
};
