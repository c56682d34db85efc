import { isWithinZone } from "../dns/names";
import senders from "./senders.json";
import takeover from "./takeover-services.json";

// The two data files the zone review judges by, each with its source and date so a reader can
// tell how old the knowledge is.

export interface SenderProvider {
  readonly name: string;
  /** The launch-baseline sender profile it matches, when there is one. */
  readonly profile?: string;
  readonly spf: readonly string[];
  /** Domains its DKIM keys are CNAMEs to. */
  readonly dkim: readonly string[];
  readonly selectors?: readonly string[];
  /** Domains it signs (d=) and bounces (MAIL FROM) with, when not with the customer's own. */
  readonly domains: readonly string[];
}

export const SENDERS: readonly SenderProvider[] = senders.providers;
export const TAKEOVER_SERVICES: ReadonlyArray<{ readonly name: string; readonly suffixes: readonly string[] }> = takeover.services;
export const TAKEOVER_SOURCE = { source: takeover.source, date: takeover.date };

export const providerBySpfInclude = (domain: string) => SENDERS.find((p) => p.spf.some((d) => isWithinZone(domain, d)));
export const providerByDkim = (selector: string, target?: string) => SENDERS.find((p) => (target && p.dkim.some((d) => isWithinZone(target, d))) || (!target && p.selectors?.includes(selector)));
export const providerByDomain = (domain: string) => SENDERS.find((p) => p.domains.some((d) => isWithinZone(domain, d)));
export const takeoverService = (target: string) => TAKEOVER_SERVICES.find((s) => s.suffixes.some((d) => isWithinZone(target, d)));
