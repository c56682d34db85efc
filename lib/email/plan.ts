import type { EmailConfig, SenderConfig } from "../config/email-schema";
import type { Environment } from "../config/keys";
import { externalReportAuthorization, type DmarcBuild, type DmarcPolicy } from "./dmarc";
import { mtaStsPolicy, type MtaStsMode } from "./mta-sts";
import { PROFILES } from "./providers";
import { planSpf, type PlannedSpf } from "./spf-plan";

/** Everything the email component publishes, resolved from config and the environment. */
export interface EmailPlan {
  readonly zone: string;
  readonly spf: readonly PlannedSpf[];
  readonly senders: readonly SenderConfig[];
  /** MX records of provider envelope subdomains (bounce handling), e.g. mail.<zone> for SES. */
  readonly envelopeMx: readonly { readonly name: string; readonly host: string }[];
  readonly selfManagedDkim?: { readonly selector: string };
  readonly dmarc: DmarcBuild;
  /** Staged DMARC: the last day a policy short of enforcement is accepted (YYYY-MM-DD). */
  readonly dmarcEnforceBy?: string;
  readonly reportAuthorizations: readonly { readonly name: string; readonly value: string }[];
  readonly reportZoneId?: string;
  readonly mx: readonly { readonly host: string; readonly priority: number }[];
  readonly mtaSts?: { readonly mode: MtaStsMode; readonly policy: string };
  readonly tlsRpt?: readonly string[];
}

export const DEFAULT_DMARC_POLICY: Record<Environment, DmarcPolicy> = { dev: "none", staging: "quarantine", prod: "reject" };

export function resolveEmail(email: EmailConfig | undefined, env: Environment, zone: string, awsRegion: string): EmailPlan {
  const senders = email?.senders ?? [];
  const sends = senders.length > 0 || !!email?.selfManagedDkim;
  const rua = email?.dmarc?.rua ?? [];
  // A zone that sends nothing says so: no envelope may use it and every message claiming it is rejected.
  const dmarc: DmarcBuild = sends
    ? { p: email?.dmarc?.policy ?? DEFAULT_DMARC_POLICY[env], sp: email?.dmarc?.subdomainPolicy, rua, ruf: email?.dmarc?.ruf, adkim: email?.dmarc?.adkim, aspf: email?.dmarc?.aspf, pct: email?.dmarc?.pct }
    : { p: "reject", sp: "reject", rua };
  const envelopeMx = senders.flatMap((s) => {
    if (s.provider === "custom") return [];
    const profile = PROFILES[s.provider];
    const label = s.envelopeLabel ?? profile.envelopeLabel;
    return profile.envelopeMx && label ? [{ name: `${label}.${zone}`, host: profile.envelopeMx(awsRegion) }] : [];
  });
  const mx = email?.mx ?? [];
  return {
    zone,
    spf: planSpf(zone, senders, email?.spfAll ?? "-all"),
    senders,
    envelopeMx,
    selfManagedDkim: email?.selfManagedDkim,
    dmarc,
    dmarcEnforceBy: sends ? email?.dmarc?.enforceBy : undefined,
    reportAuthorizations: [...rua, ...(email?.dmarc?.ruf ?? [])].map((u) => externalReportAuthorization(zone, u)).filter((a): a is { name: string; value: string } => !!a),
    reportZoneId: email?.dmarc?.reportZoneId,
    mx,
    mtaSts: mx.length ? { mode: email?.mtaSts?.mode ?? (env === "prod" ? "enforce" : "testing"), policy: mtaStsPolicy(email?.mtaSts?.mode ?? (env === "prod" ? "enforce" : "testing"), mx.map((m) => m.host), email?.mtaSts?.maxAgeSeconds ?? 604800) } : undefined,
    tlsRpt: email?.tlsRpt,
  };
}
