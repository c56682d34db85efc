import { resolverFor } from "../dns/resolver";
import { UsageError } from "../config/stack-file";
import type { LaunchConfig } from "../config/parse";
import { readZoneFiles } from "./load";
import { mergeZones, type ExistingZone } from "./model";
import { CLOUDFLARE_API, readZoneFromApi } from "./read-api";
import type { Resolver } from "node:dns/promises";

// The flags plan and handover share for a live zone: where it is read from, and which DNS server
// answers for the dangling-record check.

export interface ZoneFlags {
  existingZone: string[];
  cloudflareApi?: boolean;
  cloudflareApiUrl?: string;
  dnsServer?: string;
}

export const hasZoneInput = (f: ZoneFlags) => f.existingZone.length > 0 || Boolean(f.cloudflareApi);

/** Reads the zone for a stack's config; undefined when no zone input was given. */
export function zoneReader(f: ZoneFlags, env: NodeJS.ProcessEnv = process.env): ((config: LaunchConfig) => Promise<{ zone: ExistingZone; resolver?: Resolver }>) | undefined {
  if (!hasZoneInput(f)) {
    if (f.dnsServer) throw new UsageError("--dns-server checks the existing zone's CNAMEs. Fix: add --existing-zone <export> or --cloudflare-api.");
    return undefined;
  }
  const resolver = f.dnsServer ? resolverFor(f.dnsServer, 3000) : undefined;
  return async (config) => {
    const zones = f.existingZone.length ? [readZoneFiles(f.existingZone, config.domain)] : [];
    if (f.cloudflareApi) {
      const token = env.CLOUDFLARE_API_TOKEN;
      if (!token) throw new UsageError("--cloudflare-api reads the zone with a read-only token from CLOUDFLARE_API_TOKEN, which is not set. Fix: export CLOUDFLARE_API_TOKEN (Zone DNS Read, Zone Rulesets Read).");
      zones.push(await readZoneFromApi({ baseUrl: f.cloudflareApiUrl ?? CLOUDFLARE_API, token, zoneId: config.cloudflareZoneId, zoneName: config.domain }));
    }
    return { zone: mergeZones(zones), resolver };
  };
}
