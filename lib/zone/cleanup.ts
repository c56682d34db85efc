import type { Resolver } from "node:dns/promises";
import { isSpfRecord } from "../email/spf";
import { isDmarcRecord } from "../email/dmarc";
import { TAKEOVER_SOURCE } from "./catalogues";
import { cnamesOut, targetState } from "./dangling";
import type { ExistingRecord } from "./model";
import { describe } from "./review";

// The clean-up list for the records the stack leaves alone: what a team should delete or fix by
// hand, with where each record was read. The handover includes it.

export interface CleanupItem {
  readonly record: string;
  readonly at: string;
  readonly why: string;
}

export interface CleanupReport {
  readonly duplicates: CleanupItem[];
  /** Checked against live DNS (--dns-server); `checked: false` when no resolver was given. */
  readonly dangling: { readonly checked: boolean; readonly items: CleanupItem[] };
  readonly wildcards: CleanupItem[];
  readonly exposingOrigin: CleanupItem[];
  readonly staleVerification: CleanupItem[];
  readonly takeoverData: { readonly source: string; readonly date: string };
}

/** One-time domain-verification tokens, by the prefix each service documents. */
const VERIFICATION = /^(google-site-verification|facebook-domain-verification|apple-domain-verification|atlassian-domain-verification|adobe-idp-site-verification|docusign|stripe-verification|zoom-domain-verification|globalsign-domain-verification|have-i-been-pwned-verification|ms|miro-verification|hubspot-developer-verification|yandex-verification)[=-]/i;
/** Older than this, a verification token has almost always done its job. */
const STALE_DAYS = 365;

export async function cleanupReport(records: readonly ExistingRecord[], opts: { apex: string; origins: readonly string[]; resolver?: Resolver; now?: Date }): Promise<CleanupReport> {
  const now = opts.now ?? new Date();
  const item = (r: ExistingRecord, why: string): CleanupItem => ({ record: describe(r), at: r.at, why });
  const groups = new Map<string, ExistingRecord[]>();
  for (const r of records) {
    const key = `${r.name} ${r.type} ${isSpfRecord(r.content) ? "spf" : isDmarcRecord(r.content) ? "dmarc" : `${r.priority ?? ""} ${r.content}`}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const duplicates = [...groups.values()].filter((g) => g.length > 1).flatMap((g) => g.slice(1).map((r) => item(r, `repeats ${g[0].at}${isSpfRecord(r.content) ? " (a second SPF record: permerror)" : isDmarcRecord(r.content) ? " (a second DMARC record: DMARC is ignored)" : ""}`)));
  const dangling: CleanupItem[] = [];
  for (const c of cnamesOut(records, opts.apex)) {
    if (!opts.resolver) {
      if (c.service) dangling.push({ record: `CNAME ${c.name} ${c.target}`, at: c.at, why: `points at ${c.service}, which is open to takeover if the target is gone: not checked (give --dns-server)` });
      continue;
    }
    const s = await targetState(opts.resolver, c.target);
    if (s.state === "dangling") dangling.push({ record: `CNAME ${c.name} ${c.target}`, at: c.at, why: c.service ? `${c.target} does not exist (NXDOMAIN): anyone can claim it on ${c.service} and serve content as ${c.name}. Delete the record.` : `${c.target} does not exist (NXDOMAIN): the name is broken. Delete the record.` });
    else if (s.state === "unknown" && c.service) dangling.push({ record: `CNAME ${c.name} ${c.target}`, at: c.at, why: `could not check (${s.detail}); it points at ${c.service}` });
  }
  const ageDays = (r: ExistingRecord) => (r.modifiedOn ? Math.floor((now.getTime() - Date.parse(r.modifiedOn)) / 86_400_000) : undefined);
  const staleVerification = records
    .filter((r) => r.type === "TXT" && (r.name.startsWith("_acme-challenge.") || VERIFICATION.test(r.content)))
    .filter((r) => r.name.startsWith("_acme-challenge.") || (ageDays(r) ?? Infinity) > STALE_DAYS)
    .map((r) => {
      const days = ageDays(r);
      if (r.name.startsWith("_acme-challenge.")) return item(r, "an ACME challenge answer: needed only while a certificate is issued");
      return item(r, days === undefined ? "a domain-verification token of unknown age (a BIND export has no dates): keep it only if the service still needs it" : `a domain-verification token unchanged for ${days} days: remove it unless the service re-checks it`);
    });
  return {
    duplicates,
    dangling: { checked: Boolean(opts.resolver), items: dangling },
    wildcards: records.filter((r) => r.name.startsWith("*.")).map((r) => item(r, `answers for every name under ${r.name.slice(2)} that has no record of its own${r.proxied ? "" : ", unproxied"}`)),
    exposingOrigin: records.filter((r) => !r.proxied && opts.origins.includes(r.content)).map((r) => item(r, "unproxied, at a proxied host's origin: publishes the origin's address")),
    staleVerification,
    takeoverData: TAKEOVER_SOURCE,
  };
}
