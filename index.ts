import { EdgeSecurity } from "./components/edge-security";
import { loadConfig } from "./lib/config/load";

// Validated before any resource is declared: a bad stack fails here with every problem listed.
const config = loadConfig();

const edge = new EdgeSecurity("edge", {
  zoneId: config.cloudflareZoneId,
  zoneName: config.domain,
  hosts: config.hosts,
  canonicalRedirect: config.canonicalRedirect,
  minTlsVersion: config.minTlsVersion,
  hsts: config.hsts,
  caa: config.caa,
  dnssec: config.dnssec,
});

export const environment = config.environment;
export const zone = config.domain;
export const publicUrls = config.hosts.map((h) => `https://${h.hostname}/`);
/** Give this DS record to the registrar to complete DNSSEC. */
export const dsRecord = edge.dsRecord;
