import { parseLaunchConfig } from "../config/parse";
import { readSiblings, readStackConfig, withSecretPlaceholders } from "../config/stack-file";
import { isWithinZone } from "../dns/names";

/** What `verify --stack` checks, read from the stack file the program deploys from. */
export interface StackTargets {
  readonly domain: string;
  readonly selectors: string[];
  /** The app host's URL, first of the hosts' URLs. */
  readonly url: string;
  readonly hosts: string[];
  readonly uptime: Array<{ name: string; url: string; match: string }>;
  readonly origins: Array<{ host: string; origin: string }>;
  readonly corsOrigins: string[];
  readonly canonical?: { from: string[]; to: string };
}

export function targetsFromStack(stack: string, stacksDir: string): StackTargets {
  const file = readStackConfig(stacksDir, stack);
  const config = parseLaunchConfig(withSecretPlaceholders(file.raw).raw, { stack, source: file.source, siblings: readSiblings(stacksDir, stack) });
  const plan = config.emailPlan;
  const selectors = [
    ...plan.senders.flatMap((s) => (!s.dkim ? [] : "publicKey" in s.dkim ? [s.dkim.selector] : Object.keys(s.dkim.cnames))),
    ...(plan.selfManagedDkim ? [plan.selfManagedDkim.selector] : []),
  ];
  const app = config.hosts.find((h) => h.hostname.startsWith("app.")) ?? config.hosts[0];
  return {
    domain: config.domain,
    selectors,
    url: `https://${app.hostname}/`,
    hosts: config.hosts.map((h) => h.hostname),
    uptime: config.uptime.checks,
    // An origin inside the zone is another proxied host (www -> apex): asking it reaches the edge.
    origins: config.hosts.filter((h) => !isWithinZone(h.origin, config.domain)).map((h) => ({ host: h.hostname, origin: h.origin })),
    corsOrigins: config.corsOrigins,
    canonical: config.canonicalRedirect,
  };
}
