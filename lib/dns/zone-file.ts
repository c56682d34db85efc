import { txtStrings, TXT_STRING_MAX } from "../email/txt";
import type { CapturedResource } from "../plan/types";
import { isSecretValue as isSecret, UNKNOWN } from "../plan/wire";

const DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const CUSTOM_DOMAIN = "cloudflare:index/workersCustomDomain:WorkersCustomDomain";
/** Cloudflare's "automatic" TTL, as resolvers see it. */
const AUTOMATIC_TTL = 300;

const isUnknown = (v: unknown) => v === UNKNOWN;
const fqdn = (name: string, apex: string) => `${name === "@" ? apex : name.replace(/\.$/, "")}.`;
const quote = (s: string) => `"${s.replace(/(["\\])/g, "\\$1")}"`;

function txtRdata(content: string): string {
  // Quoted content keeps its strings; an unquoted long value is split so the file stays valid.
  const strings = txtStrings(content).flatMap((s) => (s.length <= TXT_STRING_MAX ? [s] : s.match(new RegExp(`.{1,${TXT_STRING_MAX}}`, "g"))!));
  return strings.map(quote).join(" ");
}

function rdata(type: string, inputs: Record<string, unknown>, apex: string): string | undefined {
  const content = inputs.content as string | undefined;
  switch (type) {
    case "TXT":
      return txtRdata(String(content));
    case "CNAME":
    case "NS":
      return fqdn(String(content), apex);
    case "MX":
      return `${inputs.priority ?? 10} ${fqdn(String(content), apex)}`;
    case "CAA": {
      const d = inputs.data as { flags: number; tag: string; value: string };
      return `${d.flags} ${d.tag} ${quote(d.value)}`;
    }
    case "A":
    case "AAAA":
      return String(content);
    default:
      return undefined;
  }
}

/**
 * Every DNS record a stack manages in one zone, as a standard zone file for review and tests.
 * Values only known after deploy, and records Cloudflare creates itself, are comments.
 */
export function zoneFile(resources: readonly CapturedResource[], zoneId: string, apex: string, header: string): { text: string; records: number } {
  const lines: string[] = [];
  const comments: string[] = [];
  for (const r of resources) {
    if (r.type === CUSTOM_DOMAIN && r.inputs.zoneId === zoneId) comments.push(`; ${r.name}: ${r.inputs.hostname} is served by a Worker; Cloudflare creates its record`);
    if (r.type !== DNS_RECORD || r.inputs.zoneId !== zoneId) continue;
    const { name, type, ttl, proxied } = r.inputs as { name: unknown; type: string; ttl: number; proxied?: boolean };
    const fields = [name, r.inputs.content, r.inputs.data];
    if (fields.some(isSecret)) {
      comments.push(`; ${r.name}: ${type} value is a secret and is not written`);
      continue;
    }
    if (fields.some(isUnknown) || (r.inputs.data && Object.values(r.inputs.data as object).some(isUnknown))) {
      comments.push(`; ${r.name}: ${type} ${isUnknown(name) ? "(name known after deploy)" : fqdn(String(name), apex)} value known after deploy`);
      continue;
    }
    const data = rdata(type, r.inputs, apex);
    if (data === undefined) {
      comments.push(`; ${r.name}: ${type} records are not exported`);
      continue;
    }
    const owner = fqdn(String(name), apex);
    // Proxied hosts answer with Cloudflare's addresses, and a CNAME at the apex is flattened:
    // neither is a record a standard zone may hold, so both are kept as comments.
    if (proxied || (type === "CNAME" && owner === `${apex}.`)) {
      comments.push(`; ${owner} ${type} ${data} (${proxied ? "proxied: Cloudflare answers with its own addresses" : "flattened at the apex by Cloudflare"})`);
      continue;
    }
    lines.push(`${owner}\t${ttl === 1 ? AUTOMATIC_TTL : ttl}\tIN\t${type}\t${data}`);
  }
  lines.sort((a, b) => a.localeCompare(b));
  const text = [header, `$ORIGIN ${apex}.`, `$TTL ${AUTOMATIC_TTL}`, ...lines, ...(comments.length ? ["", ...comments] : []), ""].join("\n");
  return { text, records: lines.length };
}
