import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import { MIN_DKIM_BITS, rsaKeyBits } from "../email/dkim";
import { reportUriError } from "../email/dmarc";
import { PROVIDERS } from "../email/providers";
import { isHostname } from "../dns/names";

const hostname = z.string().refine(isHostname, { error: "must be a lowercase DNS host name such as mail.example.com" });
const selector = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/, { error: "must be a DKIM selector: lowercase letters, digits and hyphens, such as google or s1" });
const mailto = z.string().refine((v) => reportUriError(v) === undefined, { error: "must be a mailto: address such as mailto:dmarc-reports@example.com" });
const network = (version: 4 | 6) =>
  z.string().refine(
    (v) => {
      const [ip, len, extra] = v.split("/");
      const okIp = version === 4 ? isIPv4(ip) : isIPv6(ip);
      const max = version === 4 ? 32 : 128;
      return okIp && extra === undefined && (len === undefined || (/^(0|[1-9]\d*)$/.test(len) && Number(len) <= max));
    },
    { error: version === 4 ? "must be an IPv4 address or network such as 203.0.113.25 or 203.0.113.0/24" : "must be an IPv6 address or network such as 2001:db8::25 or 2001:db8::/48" },
  );

const dkimKey = z.strictObject({
  selector,
  publicKey: z.string().refine((k) => (rsaKeyBits(k) ?? 0) >= MIN_DKIM_BITS, {
    error: (issue) => {
      const bits = rsaKeyBits(String(issue.input));
      return bits === undefined
        ? "must be the provider's base64 RSA public key (the p= value of its DKIM record)"
        : `is a ${bits}-bit RSA key; DKIM keys need at least ${MIN_DKIM_BITS} bits: ask the provider for a 2048-bit key`;
    },
  }),
});
const dkimCnames = z.strictObject({ cnames: z.record(selector, hostname) });

const sender = z.strictObject({
  provider: z.enum(PROVIDERS, { error: `must be one of ${PROVIDERS.join(", ")}` }),
  name: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: "must be a short lowercase name such as app-relay" }).optional(),
  ip4: z.array(network(4)).optional(),
  ip6: z.array(network(6)).optional(),
  includes: z.array(z.strictObject({ domain: hostname, lookups: z.number().int().min(1).max(10) })).optional(),
  envelopeLabel: z.string().regex(/^$|^[a-z0-9-]{1,63}$/).optional(),
  dkim: z.union([dkimKey, dkimCnames], { error: "must be {selector, publicKey} or {cnames: {selector: target}}" }).optional(),
});
export type SenderConfig = z.output<typeof sender>;

const policy = z.enum(["none", "quarantine", "reject"], { error: "must be none, quarantine or reject" });

export const emailSchema = z.strictObject({
  senders: z.array(sender).default([]),
  selfManagedDkim: z.strictObject({ selector }).optional(),
  spfAll: z.enum(["-all", "~all"], { error: 'must be "-all" or "~all"' }).default("-all"),
  dmarc: z
    .strictObject({
      policy: policy.optional(),
      subdomainPolicy: policy.optional(),
      rua: z.array(mailto).min(1, { error: "must name at least one mailbox for aggregate reports" }),
      ruf: z.array(mailto).optional(),
      adkim: z.enum(["r", "s"]).default("r"),
      aspf: z.enum(["r", "s"]).default("r"),
      reportZoneId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
      /** A partial rollout: the share of failing mail the policy applies to (quarantine or reject). */
      pct: z.number().int().min(1).max(99, { error: "must be 1 to 99; leave it out for 100" }).optional(),
      /** Staged DMARC: the last day (YYYY-MM-DD) a policy short of enforcement is accepted. */
      enforceBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date, YYYY-MM-DD" }).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: "must be a real calendar date, YYYY-MM-DD" }).optional(),
    })
    .optional(),
  mx: z.array(z.strictObject({ host: hostname, priority: z.number().int().min(0).max(65535) })).default([]),
  mtaSts: z.strictObject({ mode: z.enum(["enforce", "testing"]).optional(), maxAgeSeconds: z.number().int().min(86400).max(31557600).default(604800) }).optional(),
  tlsRpt: z.array(mailto).optional(),
});
export type EmailConfig = z.output<typeof emailSchema>;
