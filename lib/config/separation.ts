import { isWithinZone } from "../dns/names";
import { pathEnvironment } from "../naming";

/** What one stack file says about the environment it is, read leniently (it may be invalid). */
export interface SiblingStack {
  readonly stack: string;
  readonly source: string;
  readonly environment?: string;
  readonly awsAccountId?: string;
  readonly cloudflareZoneId?: string;
  readonly domain?: string;
}

interface Own {
  readonly environment: string;
  readonly awsAccountId: string;
  readonly cloudflareZoneId: string;
  readonly domain: string;
  readonly hosts: readonly { readonly hostname: string }[];
  readonly runtimeSecrets: Readonly<Record<string, string>>;
}

export interface SeparationProblem {
  readonly path: Array<string | number>;
  readonly message: string;
}

/**
 * Strict environment separation: no stack may use another environment's AWS account or
 * Cloudflare zone, serve a host that belongs to another environment's zone, or reference its
 * secrets. Prod pointing at staging's account fails here, before anything is planned.
 */
export function separationProblems(own: Own, siblings: readonly SiblingStack[]): SeparationProblem[] {
  const others = siblings.filter((s) => s.environment && s.environment !== own.environment);
  const problems: SeparationProblem[] = [];
  for (const o of others) {
    if (o.awsAccountId === own.awsAccountId) problems.push({ path: ["awsAccountId"], message: `is the ${o.environment} account (${o.source}); each environment has its own AWS account` });
    if (o.cloudflareZoneId === own.cloudflareZoneId) problems.push({ path: ["cloudflareZoneId"], message: `is the ${o.environment} zone (${o.source}); each environment has its own zone` });
  }
  own.hosts.forEach((h, i) => {
    // A host belongs to the most specific zone that contains it.
    const owner = [{ environment: own.environment, domain: own.domain, source: "" }, ...others]
      .filter((s): s is { environment: string; domain: string; source: string } => !!s.domain && isWithinZone(h.hostname, s.domain))
      .sort((a, b) => b.domain.length - a.domain.length)[0];
    if (owner && owner.environment !== own.environment) problems.push({ path: ["hosts", i, "hostname"], message: `belongs to the ${owner.environment} zone ${owner.domain} (${owner.source}); serve it from that stack` });
  });
  for (const [envVar, ref] of Object.entries(own.runtimeSecrets)) {
    const env = pathEnvironment(ref);
    if (env && env !== own.environment) problems.push({ path: ["runtime", "secrets", envVar], message: `is a ${env} secret; an environment reads only its own secrets (/launch-baseline/${own.environment}/...)` });
  }
  return problems;
}
