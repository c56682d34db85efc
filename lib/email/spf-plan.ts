import { PROFILES, type ProviderId } from "./providers";
import { MAX_LOOKUPS, buildSpf } from "./spf";

export interface SenderSpf {
  readonly provider: ProviderId;
  /** For custom senders: a name for messages. */
  readonly name?: string;
  readonly ip4?: readonly string[];
  readonly ip6?: readonly string[];
  readonly includes?: readonly { readonly domain: string; readonly lookups: number }[];
  /** Overrides the profile's envelope label ("" for the apex). */
  readonly envelopeLabel?: string;
}

export interface PlannedSpf {
  /** Fully qualified name the record is published at. */
  readonly name: string;
  readonly value: string;
  /** DNS lookups a receiver spends on it, from what is known of each include. */
  readonly lookups: number;
  /** Who sends with this envelope domain, for messages. */
  readonly senders: readonly string[];
}

export const senderLabel = (s: SenderSpf) => (s.provider === "custom" ? (s.name ?? "custom") : s.provider);

/**
 * Exactly one SPF record per sending name: each sender's terms go to its envelope domain,
 * addresses first so a matching relay never spends a lookup. The apex always gets a record;
 * with no sender of its own it is `v=spf1 -all`, so nobody can use it as an envelope.
 */
export function planSpf(zone: string, senders: readonly SenderSpf[], all: "-all" | "~all"): PlannedSpf[] {
  const groups = new Map<string, SenderSpf[]>([[zone, []]]);
  for (const s of senders) {
    const label = s.envelopeLabel ?? (s.provider === "custom" ? "" : PROFILES[s.provider].envelopeLabel);
    const name = label ? `${label}.${zone}` : zone;
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return [...groups].map(([name, group]) => {
    const includes = new Map<string, number>();
    for (const s of group) {
      if (s.provider !== "custom") includes.set(PROFILES[s.provider].spfInclude, PROFILES[s.provider].spfLookups);
      for (const i of s.includes ?? []) includes.set(i.domain, i.lookups);
    }
    const value = buildSpf({ ip4: unique(group.flatMap((s) => s.ip4 ?? [])), ip6: unique(group.flatMap((s) => s.ip6 ?? [])), includes: [...includes.keys()], all: group.length ? all : "-all" });
    return { name, value, lookups: [...includes.values()].reduce((a, b) => a + b, 0), senders: group.map(senderLabel) };
  });
}

export function overLookupLimit(planned: readonly PlannedSpf[]): PlannedSpf | undefined {
  return planned.find((p) => p.lookups > MAX_LOOKUPS);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
