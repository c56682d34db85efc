// Cloudflare's published edge ranges (https://www.cloudflare.com/ips/), as the offline plan's
// answer to `cloudflare.getIpRanges`. A real deploy reads them live through the provider; this
// snapshot only lets the plan show and gate the rules the deploy will make.

export const CLOUDFLARE_IPV4 = [
  "173.245.48.0/20",
  "103.21.244.0/22",
  "103.22.200.0/22",
  "103.31.4.0/22",
  "141.101.64.0/18",
  "108.162.192.0/18",
  "190.93.240.0/20",
  "188.114.96.0/20",
  "197.234.240.0/22",
  "198.41.128.0/17",
  "162.158.0.0/15",
  "104.16.0.0/13",
  "104.24.0.0/14",
  "172.64.0.0/13",
  "131.0.72.0/22",
];

export const CLOUDFLARE_IPV6 = ["2400:cb00::/32", "2606:4700::/32", "2803:f800::/32", "2405:b500::/32", "2405:8100::/32", "2a06:98c0::/29", "2c0f:f248::/32"];

/** Whether a CIDR lies inside Cloudflare's ranges, as listed (IPv4 by arithmetic, IPv6 by prefix). */
export function withinCloudflare(cidr: string): boolean {
  if (cidr.includes(":")) return CLOUDFLARE_IPV6.includes(cidr);
  const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
  const [ip, bits] = cidr.split("/");
  const start = toInt(ip);
  const size = 2 ** (32 - Number(bits));
  return CLOUDFLARE_IPV4.some((r) => {
    const [rip, rbits] = r.split("/");
    const rstart = toInt(rip);
    return start >= rstart && start + size <= rstart + 2 ** (32 - Number(rbits));
  });
}
