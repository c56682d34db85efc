import { readFileSync } from "node:fs";
import { catalogue } from "../../policies/catalogue";
import { alertRoutes } from "../plan/alert-routes";
import { deployerRows } from "./deployers-section";
import { loggingRows } from "./logging-section";
import type { PlanResult } from "../plan/plan";
import { cleanupSections } from "../zone/report";
import type { CapturedResource } from "../plan/types";
import { toDisplay } from "../plan/wire";
import { parseJsonOr } from "../json";
import { routing, type Routing } from "./routing";
import { areaVerdicts, summary, type Summary, type VerifyReport } from "./summary";

export type { VerifyReport };

// What the next person needs, built from a plan or an exported state: a summary at a glance, the
// alert routing, then sections, each a table, in the order someone on call reaches for them.
// Renderers turn it into Markdown and a self-contained HTML page. Never a secret value: every
// value goes through the same masking as the plan's reports.

/** On-call first: verdicts, alerts, risks and what to run; the inventory after. */
const ORDER = ["scorecard", "verify", "alerts", "risks", "runbooks", "commands", "checks", "logging", "secrets", "runtime", "origins", "edge", "rules", "dns", "deployers", "accounts", "zone-cleanup"];

/** A table cell: one value, or a list rendered as a list (never as JSON). */
export type Cell = string | readonly string[];

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface Handover {
  readonly title: string;
  readonly subtitle: string;
  readonly summary: Summary;
  readonly routing: Routing;
  readonly sections: readonly Section[];
}

/** A value as a cell: scalars as text, arrays as lists, objects as `key: value` lists. */
export function cell(v: unknown): Cell {
  if (v === undefined || v === null) return "";
  // Provider inputs arrive JSON-encoded ("[\"2222...\"]"): decode them, so no cell shows JSON.
  if (typeof v === "string" && /^[[{]/.test(v)) {
    const parsed = parseJsonOr(v, undefined);
    if (parsed !== undefined && typeof parsed === "object") return cell(parsed);
  }
  if (typeof v !== "object") return String(v);
  const flat = (x: unknown, path: string): string[] =>
    x !== null && typeof x === "object" && !Array.isArray(x) ? Object.entries(x).flatMap(([k, y]) => flat(y, path ? `${path}.${k}` : k)) : [`${path ? `${path}: ` : ""}${Array.isArray(x) ? x.map(String).join(", ") : String(x)}`];
  return Array.isArray(v) ? v.map((x) => (typeof x === "object" && x !== null ? flat(x, "").join("; ") : String(x))) : flat(v, "");
}
/** A value as one line of text: strings as they are (a policy stays parseable), the rest listed. */
const show = (v: unknown): string => {
  if (typeof v === "string") return v;
  const c = cell(v);
  return typeof c === "string" ? c : c.join(", ");
};
const inputsOf = (r: CapturedResource) => toDisplay(r.inputs) as Record<string, any>;
const ofType = (rs: readonly CapturedResource[], type: string) => rs.filter((r) => r.type === type);

export function buildHandover(r: PlanResult, suppressions: ReadonlyArray<{ rule: string; resource: string; reason?: string; expires?: string }>, verify?: VerifyReport): Handover {
  const rs = r.resources;
  const sections: Section[] = [];
  const add = (s: Section) => s.rows.length > 0 && sections.push(s);

  add({
    id: "scorecard",
    title: "Readiness scorecard",
    intro: `The deploy gate's verdict per checklist area, and the live verifier's${verify ? ` (${verify.target})` : " (no report given: npm run handover -- --verify report.json)"}. The gate cannot judge the app's own authentication, authorization and input validation; the live column can, when the report was made with --probes.`,
    columns: ["area", "gate", "gate findings", "live"],
    rows: areaVerdicts(r, verify).map((a) => [a.area, a.gate, a.gate === "not checked" ? "judged live: npm run verify -- --probes probes.yaml" : String(a.findings), a.live]),
  });
  if (verify) add({ id: "verify", title: "Last verify report", intro: `Live checks of ${verify.target}.`, columns: ["check", "status", "summary", "runbook"], rows: verify.checks.map((c) => [c.id, c.status, c.summary, c.runbook]) });
  add({
    id: "deployers",
    title: "Who can deploy",
    intro: "Each IAM role, who could assume it (the trust evaluator's answer for the jobs that matter: each environment, a pull request, a fork's, a branch push, a tag, another repository) and what it may do. Roles and trust come from bootstrap/: npm run handover -- --project bootstrap --stack <account>; runbook deploy-identity.",
    columns: ["role", "for", "who can assume it", "session", "what it may do"],
    rows: deployerRows(rs).map((d) => [d.role, d.environment, [...d.assumers], d.session, [...d.may]]),
  });
  add({ id: "accounts", title: "Accounts and providers", columns: ["provider", "region", "pinned accounts"], rows: rs.filter((x) => x.type.startsWith("pulumi:providers:")).map((p) => [p.name, show(inputsOf(p).region ?? ""), cell(inputsOf(p).allowedAccountIds ?? "not pinned")]) });
  add({ id: "dns", title: "Domains and DNS records", columns: ["name", "type", "content", "proxied"], rows: ofType(rs, "cloudflare:index/dnsRecord:DnsRecord").map((x) => { const i = inputsOf(x); return [show(i.name), show(i.type), i.data ? Object.values(i.data).join(" ") : show(i.content ?? ""), i.proxied ? "yes" : "no"]; }) });
  add({
    id: "origins",
    title: "Origin lockdown",
    intro: "How origins accept only the edge. The origin must require client certificates from the originPullCa output (docs/infrastructure.md, Origin lockdown); the client certificate lasts a year and is renewed on the deploy after it enters its last month.",
    columns: ["what", "where", "setting"],
    rows: [
      ...ofType(rs, "cloudflare:index/authenticatedOriginPullsSettings:AuthenticatedOriginPullsSettings").map((x) => ["Authenticated Origin Pulls", `zone ${show(inputsOf(x).zoneId)}`, inputsOf(x).enabled ? "on, with the stack's own client certificate" : "off"]),
      ...ofType(rs, "aws:ec2/securityGroupRule:SecurityGroupRule").map((x) => { const i = inputsOf(x); return ["security group ingress", show(i.securityGroupId), `${i.protocol} ${i.fromPort}-${i.toPort} from Cloudflare's ranges (${[...(i.cidrBlocks ?? []), ...(i.ipv6CidrBlocks ?? [])].length} CIDRs)`]; }),
    ],
  });
  add({ id: "edge", title: "Edge settings", columns: ["setting", "value"], rows: ofType(rs, "cloudflare:index/zoneSetting:ZoneSetting").map((x) => [show(inputsOf(x).settingId), cell(inputsOf(x).value)]) });
  add({
    id: "rules",
    title: "Redirects, rate limits and WAF",
    columns: ["phase", "rule", "expression", "limit"],
    rows: ofType(rs, "cloudflare:index/ruleset:Ruleset").flatMap((x) => ((inputsOf(x).rules ?? []) as any[]).map((rule) => [show(inputsOf(x).phase), show(rule.description ?? rule.ref ?? ""), show(rule.expression), rule.ratelimit ? `${rule.ratelimit.requestsPerPeriod} per ${rule.ratelimit.period} s` : ""])),
  });
  const rotations = new Map(ofType(rs, "aws:secretsmanager/secretRotation:SecretRotation").map((x) => [show(inputsOf(x).secretId), inputsOf(x).rotationRules?.automaticallyAfterDays]));
  const readers = new Map(ofType(rs, "aws:secretsmanager/secretPolicy:SecretPolicy").map((x) => { const doc = JSON.parse(show(inputsOf(x).policy)); return [show(inputsOf(x).secretArn), (doc.Statement?.[0]?.Principal?.AWS ?? []).map((a: string) => a.split("/").pop()).join(", ")]; }));
  const arnOf = (name: string) => [...readers.keys()].find((a) => a.includes(`:secret:${name}-`)) ?? "";
  add({
    id: "secrets",
    title: "Secrets",
    intro: "Names and ARNs only. Values live in AWS Secrets Manager and are read by the roles listed.",
    columns: ["name", "ARN", "who can read", "rotation"],
    rows: ofType(rs, "aws:secretsmanager/secret:Secret").map((x) => { const name = show(inputsOf(x).name); const arn = arnOf(name); const days = [...rotations.entries()].find(([id]) => id === arn)?.[1]; return [name, arn, readers.get(arn) ?? "", days ? `every ${days} days` : "manual (rotate with the secret-exposed runbook)"]; }),
  });
  add({ id: "runtime", title: "Runtime settings", columns: ["parameter", "type"], rows: ofType(rs, "aws:ssm/parameter:Parameter").map((x) => [show(inputsOf(x).name), show(inputsOf(x).type)]) });
  add({ id: "checks", title: "Uptime checks", columns: ["host", "path", "must contain", "regions"], rows: ofType(rs, "aws:route53/healthCheck:HealthCheck").map((x) => { const i = inputsOf(x); return [show(i.fqdn), show(i.resourcePath), show(i.searchString), (i.regions ?? []).join(", ")]; }) });
  add({
    id: "logging",
    title: "Security logs",
    intro: "Where security events are kept, for how long, who can read them, and which alarms watch them. The event contract is in docs/logs-and-dmarc.md (The security log contract); runbooks: suspicious-authentication-activity, audit-trail-stopped, sensitive-data-in-logs.",
    columns: ["log", "where", "retention", "who can read", "alarms", "routes to"],
    rows: loggingRows(rs).map((l) => [l.log, l.where, l.retention, l.readers, l.alarms, l.routes]),
  });
  const routes = alertRoutes(rs);
  add({ id: "alerts", title: "Alarms and who they page", columns: ["fires", "watches", "severity", "via", "pages", "runbook"], rows: routes.map((a) => [a.source, a.watches, a.severity ?? "unranked", a.via ?? "Cloudflare", [...a.targets], a.runbook ?? ""]) });
  add({
    id: "risks",
    title: "Known risks",
    intro: "Findings of the deploy gate that do not block it: advisory, undecided until deploy, or suppressed.",
    columns: ["rule", "level", "resource", "finding"],
    rows: [
      ...r.violations.map((v) => [v.policy, v.undecided ? "undecided" : v.suppressed ? "suppressed" : v.enforcementLevel, rs.find((x) => x.urn === v.urn)?.name ?? "stack", v.message]),
      ...suppressions.map((s) => [s.rule, "suppression", s.resource, `${s.reason ?? "NO REASON"} (until ${s.expires ?? "NO EXPIRY"})`]),
    ],
  });
  if (r.zone) {
    add({
      id: "zone-cleanup",
      title: "Zone clean-up",
      intro: `Records in the existing zone (${r.zone.sources.join(", ")}) that the stack leaves alone and someone should delete or fix by hand. Takeover fingerprints: ${r.zone.cleanup.takeoverData.source.split(",")[0]}, as of ${r.zone.cleanup.takeoverData.date}.`,
      columns: ["kind", "record", "where", "why"],
      rows: cleanupSections(r.zone).flatMap((s) => s.items.map((i) => [s.title, i.record, i.at, i.why])),
    });
  }
  add({
    id: "runbooks",
    title: "Runbooks",
    columns: ["runbook", "followed for"],
    rows: [["runbooks/on-call-handover.md", "every handover: walk through it with the next person"], ...[...new Set(catalogue().map((e) => e.runbook))].sort().map((rb) => [`runbooks/${rb}.md`, catalogue().filter((e) => e.runbook === rb).map((e) => e.id).join(", ")])],
  });
  add({
    id: "commands",
    title: "Commands",
    columns: ["to", "run"],
    rows: [
      ["check offline", `npm run plan -- --stack ${r.stack}`],
      ["deploy", `pulumi up --stack ${r.stack} --policy-pack policies --policy-pack-config policies/config/${r.stack}.json`],
      ["find the last verified commit", `git fetch --tags; npm run rollback -- target --stack ${r.stack} --failed <failed commit>`],
      ["roll back (runbooks/failed-deploy.md)", `git checkout <that commit>; npm ci; pulumi up --stack ${r.stack} --policy-pack policies --policy-pack-config policies/config/${r.stack}.json; npm run verify -- --stack ${r.stack}`],
      ["rotate an external secret", `pulumi config set --secret --path 'launch-baseline:secretValues.<name>' --stack ${r.stack}; pulumi up --stack ${r.stack}`],
      ["rotate a generated key", `pulumi up --stack ${r.stack} --replace <URN of secrets-<name>-generator>`],
    ],
  });
  const route = routing(routes, `${r.project}-${r.stack}-`);
  const risks = sections.find((x) => x.id === "risks")?.rows.map((row) => `${row[0]} (${row[1]}): ${show(row[3])}`) ?? [];
  sections.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  return {
    title: `Handover: ${r.project} ${r.stack}`,
    subtitle: r.source.kind === "state" ? `From the exported state ${r.source.file}.` : "From the offline plan of the stack's configuration.",
    summary: summary(r, verify, risks, route),
    routing: route,
    sections,
  };
}

/** Suppressions in a policy config file, for the known-risks section. */
export function readSuppressions(path: string | undefined): Array<{ rule: string; resource: string; reason?: string; expires?: string }> {
  if (!path) return [];
  const config = JSON.parse(readFileSync(path, "utf8")) as Record<string, { suppress?: Array<{ resource: string; reason?: string; expires?: string }> } | string>;
  return Object.entries(config).flatMap(([rule, c]) => (typeof c === "object" && c.suppress ? c.suppress.map((s) => ({ rule, ...s })) : []));
}
