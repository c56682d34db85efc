import { isIP } from "node:net";

// Lowercase LDH labels, at least two of them, and a TLD that is not all digits: what Cloudflare
// accepts as a zone or record name (punycode for internationalised names).
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function isHostname(value: string): boolean {
  if (value.length > 253 || value !== value.toLowerCase()) return false;
  const labels = value.split(".");
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
}

/** A DNS name as records compare it: lowercase, no trailing dot; "@" is the apex when given. */
export function normalizeName(name: string, apex?: string): string {
  const n = name.toLowerCase().replace(/\.$/, "");
  return n === "@" && apex ? apex : n;
}

export function isWithinZone(hostname: string, zone: string): boolean {
  return hostname === zone || hostname.endsWith(`.${zone}`);
}

/** `app.example.com` in zone `example.com` is `app`; the apex is `apex` (a resource-name fragment). */
export function nameInZone(hostname: string, zone: string): string {
  if (hostname === zone) return "apex";
  return hostname.slice(0, -(zone.length + 1)).replace(/\./g, "-");
}

export type OriginRecordType = "A" | "AAAA" | "CNAME";

/** The record type that points a proxied host at its origin. */
export function originRecordType(origin: string): OriginRecordType | undefined {
  const ip = isIP(origin);
  if (ip === 4) return "A";
  if (ip === 6) return "AAAA";
  return isHostname(origin) ? "CNAME" : undefined;
}
