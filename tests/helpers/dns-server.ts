import dns2 from "dns2";
import type { ZoneRecord } from "./zone";

const { Packet } = dns2;

export interface DnsServer {
  readonly port: number;
  readonly queries: string[];
  close(): Promise<void>;
}

/**
 * A real DNS server (UDP and TCP) on 127.0.0.1 answering authoritatively from zone records;
 * every other name is NXDOMAIN.
 */
export async function startDnsServer(records: readonly ZoneRecord[]): Promise<DnsServer> {
  const queries: string[] = [];
  const server = dns2.createServer({
    udp: true,
    tcp: true,
    handle: (request: any, send: (r: any) => void) => {
      const response = Packet.createResponseFromRequest(request);
      const [q] = request.questions;
      const name = String(q.name).toLowerCase().replace(/\.$/, "");
      const type = Object.entries(Packet.TYPE).find(([, v]) => v === q.type)?.[0] ?? String(q.type);
      queries.push(`${type} ${name}`);
      const atName = records.filter((r) => r.name === name);
      const answers = response.answers as unknown as Array<Record<string, unknown>>;
      (response.header as { aa: number }).aa = 1;
      if (atName.length === 0) response.header.rcode = 3; // NXDOMAIN
      for (const r of atName.filter((x) => x.type === type || (x.type === "CNAME" && type !== "CNAME"))) {
        const base = { name: q.name, ttl: r.ttl, class: Packet.CLASS.IN, type: Packet.TYPE[r.type as keyof typeof Packet.TYPE] };
        if (r.type === "TXT") answers.push({ ...base, data: [...r.data] });
        else if (r.type === "MX") answers.push({ ...base, priority: Number(r.data[0]), exchange: r.data[1] });
        else if (r.type === "A" || r.type === "AAAA") answers.push({ ...base, address: r.data[0] });
        else if (r.type === "CNAME") answers.push({ ...base, domain: r.data[0] });
        else if (r.type === "NS") answers.push({ ...base, ns: r.data[0] });
        else if (r.type === "CAA") answers.push({ ...base, flags: Number(r.data[0]), tag: r.data[1], value: r.data[2] });
      }
      send(response);
    },
  });
  const servers = (server as any).servers;
  await servers.udp.listen(0, "127.0.0.1");
  const port = servers.udp.address().port as number;
  // Long TXT answers may not fit UDP; resolvers retry over TCP on the same port.
  await new Promise<void>((resolve) => servers.tcp.listen(port, "127.0.0.1", resolve));
  return { port, queries, close: () => server.close() as Promise<void> };
}
