import type { AuthenticateOptions, AuthenticateResult } from "mailauth";
import { parseDmarc } from "./dmarc";

export type AuthOutcome = "pass" | "fail" | "softfail" | "neutral" | "none" | "temperror" | "permerror" | "policy";

/** What a receiving inbox concludes about one message, with the reason for each verdict. */
export interface InboxVerdict {
  readonly spf: { readonly result: AuthOutcome; readonly domain?: string; readonly reason: string };
  readonly dkim: { readonly result: AuthOutcome; readonly domains: readonly string[]; readonly reason: string };
  readonly dmarc: { readonly result: AuthOutcome; readonly policy?: string; readonly reason: string };
}

/**
 * Authenticates a received message the way an inbox does (mailauth), then applies strict DMARC
 * alignment itself: mailauth 4.13.3 passes `adkim=s` when only the organizational domains match.
 */
export async function inboxVerdict(message: string | Buffer, opts: Pick<AuthenticateOptions, "ip" | "helo" | "sender" | "mta" | "resolver" | "trustReceived">): Promise<InboxVerdict> {
  // Loaded on use: mailauth is heavy to load, and a verify run that reads no mail needs none of it.
  const { authenticate } = await import("mailauth");
  const result = await authenticate(message, { ...opts, disableArc: true, disableBimi: true } as AuthenticateOptions);
  return verdictOf(result);
}

export function verdictOf(result: AuthenticateResult): InboxVerdict {
  const spfStatus = result.spf ? result.spf.status : undefined;
  const spf = {
    result: (spfStatus?.result ?? "none") as AuthOutcome,
    domain: result.spf ? result.spf.domain : undefined,
    reason: spfStatus?.comment ?? (result.spf ? result.spf.info : "no SPF evaluation"),
  };
  const dkimRows = result.dkim?.results ?? [];
  const passing = dkimRows.filter((r) => r.status?.result === "pass");
  const dkim = {
    result: (passing.length ? "pass" : (dkimRows[0]?.status?.result ?? "none")) as AuthOutcome,
    domains: passing.map((r) => String(r.signingDomain).toLowerCase()),
    reason: dkimRows.map((r) => `${r.signingDomain ?? "?"}: ${r.status?.result}${r.status?.comment ? ` (${r.status.comment})` : ""}`).join("; ") || "no DKIM signature",
  };
  if (!result.dmarc) return { spf, dkim, dmarc: { result: "none", reason: "no DMARC evaluation (no From domain)" } };
  const dmarcResult = result.dmarc;
  // mailauth reports the organizational domain as header.from; alignment needs the From domain itself.
  const headerFrom = [(result.dkim as { headerFrom?: string | string[] }).headerFrom].flat()[0] ?? (dmarcResult.status?.header as { d?: string } | undefined)?.d ?? "";
  const from = String(headerFrom).toLowerCase().replace(/^.*@/, "").replace(/>.*$/, "").trim();
  let outcome = (dmarcResult.status?.result ?? "none") as AuthOutcome;
  let reason = dmarcResult.status?.comment ?? dmarcResult.info;
  const record = dmarcResult.rr ? parseDmarc(dmarcResult.rr).record : undefined;
  if (outcome === "pass" && record) {
    const dkimAligned = record.adkim === "s" ? dkim.domains.includes(from) : dkim.domains.length > 0 && !!dmarcResult.alignment?.dkim?.result;
    const spfAligned = spf.result === "pass" && (record.aspf === "s" ? spf.domain?.toLowerCase() === from : !!dmarcResult.alignment?.spf?.result);
    if (!dkimAligned && !spfAligned) {
      outcome = "fail";
      reason = `strict alignment: From ${from} matches neither a passing DKIM domain (${dkim.domains.join(", ") || "none"}) nor the SPF domain (${spf.domain ?? "none"}) exactly`;
    }
  }
  return { spf, dkim, dmarc: { result: outcome, policy: dmarcResult.policy, reason } };
}
