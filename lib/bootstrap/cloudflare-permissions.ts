// The Cloudflare permission groups the main project's resources need, by the names Cloudflare's
// dashboard and API list them ("API token permissions"); the program looks each name up at
// deploy time, so ids are never copied by hand. tests/bootstrap.test.ts checks that every
// Cloudflare type the main project plans is covered.

export interface PermissionNeed {
  readonly zone: readonly string[];
  readonly account: readonly string[];
}

export const PERMISSIONS_OF_TYPE: Readonly<Record<string, PermissionNeed>> = {
  "cloudflare:index/zoneSetting:ZoneSetting": { zone: ["Zone Settings Write"], account: [] },
  "cloudflare:index/dnsRecord:DnsRecord": { zone: ["DNS Write"], account: [] },
  "cloudflare:index/zoneDnssec:ZoneDnssec": { zone: ["DNS Write"], account: [] },
  "cloudflare:index/ruleset:Ruleset": { zone: ["Zone WAF Write", "Cache Settings Write", "Dynamic URL Redirects Write"], account: [] },
  "cloudflare:index/authenticatedOriginPullsCertificate:AuthenticatedOriginPullsCertificate": { zone: ["SSL and Certificates Write"], account: [] },
  "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings": { zone: ["SSL and Certificates Write"], account: [] },
  "cloudflare:index/workersScript:WorkersScript": { zone: [], account: ["Workers Scripts Write"] },
  "cloudflare:index/workersCustomDomain:WorkersCustomDomain": { zone: ["Workers Routes Write"], account: ["Workers Scripts Write"] },
  "cloudflare:index/notificationPolicy:NotificationPolicy": { zone: [], account: ["Notifications Write"] },
  "cloudflare:index/notificationPolicyWebhooks:NotificationPolicyWebhooks": { zone: [], account: ["Notifications Write"] },
};

/** Zone Read always: the provider reads the zone before it changes anything in it. */
export function neededGroups(): PermissionNeed {
  const needs = Object.values(PERMISSIONS_OF_TYPE);
  return { zone: [...new Set(["Zone Read", ...needs.flatMap((n) => n.zone)])], account: [...new Set(needs.flatMap((n) => n.account))] };
}
