import type { AlertRoute } from "../plan/alert-routes";

// Alert routing as a picture's worth of nodes: alarms grouped by the runbook they send people to,
// each group to its severity, each severity to the channels that carry it (an SNS topic, or
// Cloudflare's notifications), each channel to the people it reaches. Built from the plan's alert
// routes, so the picture cannot show a route the stack does not deploy.

export interface AlarmGroup {
  readonly id: string;
  /** The alarms' short names (the environment prefix dropped). */
  readonly alarms: readonly string[];
  readonly runbook?: string;
  readonly severity: string;
  readonly channel: string;
}

export interface Channel {
  readonly id: string;
  readonly name: string;
  readonly kind: "SNS topic" | "Cloudflare notifications";
  readonly severity: string;
  readonly targets: readonly string[];
}

export interface Routing {
  readonly groups: readonly AlarmGroup[];
  /** Severities in the order a pager ranks them. */
  readonly severities: readonly string[];
  readonly channels: readonly Channel[];
  /** Each distinct recipient and the channels that reach it. */
  readonly recipients: ReadonlyArray<{ readonly id: string; readonly label: string; readonly channels: readonly string[] }>;
}

/** No severity in the plan: the alarm pages whoever its topic reaches, but nobody ranked it. */
export const UNRANKED = "unranked";
const RANK = ["critical", "warning", UNRANKED];

/** `email oncall@example.com` stays; `https [secret]` and `1 webhook` say what they are. */
export function recipientLabel(target: string): string {
  if (/^https? /.test(target)) return "webhook, URL secret (pager, chat)";
  if (/^\d+ webhooks?$/.test(target)) return "Cloudflare webhook (pager, chat)";
  return target.replace(/^email /, "e-mail ");
}

export function routing(routes: readonly AlertRoute[], prefix: string): Routing {
  const short = (source: string) => source.replace(/^Cloudflare /, "").replace(prefix, "");
  const channels = new Map<string, Channel>();
  const groups = new Map<string, { alarms: string[]; runbook?: string; severity: string; channel: string }>();
  for (const r of routes) {
    const severity = r.severity ?? UNRANKED;
    const name = r.via ?? `Cloudflare, ${severity} route`;
    const id = `ch-${channels.size}`;
    if (!channels.has(name)) channels.set(name, { id, name, kind: r.via ? "SNS topic" : "Cloudflare notifications", severity, targets: r.targets });
    const key = `${r.runbook ?? ""}|${severity}|${name}`;
    const g = groups.get(key) ?? { alarms: [], runbook: r.runbook, severity, channel: channels.get(name)!.id };
    g.alarms.push(short(r.source));
    groups.set(key, g);
  }
  const recipients = new Map<string, string[]>();
  for (const c of channels.values()) for (const t of c.targets.length ? c.targets : ["nobody"]) recipients.set(recipientLabel(t), [...(recipients.get(recipientLabel(t)) ?? []), c.id]);
  const bySeverity = (a: { severity: string }, b: { severity: string }) => RANK.indexOf(a.severity) - RANK.indexOf(b.severity);
  return {
    groups: [...groups.values()].sort(bySeverity).map((g, i) => ({ id: `g-${i}`, ...g })),
    severities: RANK.filter((s) => [...groups.values()].some((g) => g.severity === s)),
    channels: [...channels.values()].sort(bySeverity),
    recipients: [...recipients].map(([label, chs], i) => ({ id: `r-${i}`, label: label === "nobody" ? "nobody: no subscription" : label, channels: chs })),
  };
}
