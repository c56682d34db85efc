import { alertRoutes } from "./alert-routes";
import { auditTrailNote } from "./audit-trail";
import type { PlanResult } from "./plan";
import type { CapturedResource } from "./types";
import { SHOWN_UNKNOWN, toDisplay } from "./wire";
import { zoneText } from "../zone/report";

/** A preview-like rendering: the resource tree, key inputs, outputs, findings, summary. */
export function renderText(r: PlanResult): string {
  const out: string[] = [];
  out.push(
    r.source.kind === "state"
      ? `Auditing ${r.project} (stack ${r.stack}) from ${r.source.file}, a pulumi stack export: no program run, no credentials.`
      : `Previewing ${r.project} (stack ${r.stack}) offline: Pulumi's mock engine, no cloud calls, no credentials.`,
    "",
  );
  const children = new Map<string | null, CapturedResource[]>();
  for (const res of r.resources) children.set(res.parent, [...(children.get(res.parent) ?? []), res]);
  const rows: Array<[string, string, string]> = [];
  const walk = (parent: string | null, prefix: string) => {
    const kids = children.get(parent) ?? [];
    kids.forEach((res, i) => {
      const last = i === kids.length - 1;
      const branch = parent === null ? "" : last ? "└─ " : "├─ ";
      rows.push([`${prefix}${branch}${res.type}`, res.name, summarize(res)]);
      walk(res.urn, parent === null ? "" : prefix + (last ? "   " : "│  "));
    });
  };
  walk(null, "");
  const w0 = Math.max(4, ...rows.map((x) => x[0].length));
  const w1 = Math.max(4, ...rows.map((x) => x[1].length));
  const state = r.source.kind === "state";
  out.push(`     ${"Type".padEnd(w0)}  ${"Name".padEnd(w1)}  ${state ? "State" : "Plan"}`);
  const imported = new Set(r.resources.filter((x) => x.importId).map((x) => x.name));
  for (const [t, n, s] of rows) out.push(` ${state ? " " : imported.has(n) ? "=" : "+"}   ${t.padEnd(w0)}  ${n.padEnd(w1)}  ${state ? "exists" : imported.has(n) ? "import" : "create"}${s ? `  ${s}` : ""}`);

  out.push("", "Outputs:");
  const outputs = toDisplay(r.outputs) as Record<string, unknown>;
  const wk = Math.max(0, ...Object.keys(outputs).map((k) => k.length));
  for (const [k, v] of Object.entries(outputs)) out.push(`    ${k.padEnd(wk)}: ${v === SHOWN_UNKNOWN ? `${SHOWN_UNKNOWN} (computed by the cloud at deploy time)` : JSON.stringify(v)}`);

  const routes = alertRoutes(r.resources);
  if (routes.length) {
    out.push("", "Alert routes (who is paged):");
    for (const route of routes) out.push(`    ${route.source} (${route.watches})${route.via ? ` -> ${route.via}` : ""} -> ${route.targets.join(", ") || "NOBODY"}`);
  }
  if (r.resources.some((x) => x.type === "launch:logging:SecurityLogging")) out.push("", `Audit trail: ${auditTrailNote(r.resources).text}`);
  if (r.placeholders.length) out.push("", `Secret values not in the stack config yet, planned with placeholders (set them before pulumi up): ${r.placeholders.join(", ")}`);
  if (r.zone) out.push(...zoneText(r.zone));
  out.push("", `Policies (launch-baseline pack, config ${r.policyConfigPath ?? "defaults"}):`);
  if (r.violations.length === 0) out.push("    no violations");
  for (const v of r.violations) {
    const res = r.resources.find((x) => x.urn === v.urn);
    out.push(`    ${v.undecided ? "undecided" : v.suppressed ? "suppressed" : v.enforcementLevel}  ${v.policy} (${v.severity ?? "n/a"})  ${res ? `${res.type} ${res.name}` : "stack"}`, `        ${v.message}`);
  }

  const mandatory = r.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const undecided = r.violations.filter((v) => v.undecided).length;
  const suppressed = r.violations.filter((v) => v.suppressed).length;
  const advisory = r.violations.length - mandatory - undecided - suppressed;
  const imports = imported.size;
  out.push("", r.source.kind === "state" ? `Resources: ${r.resources.length} in the exported state` : `Resources: + ${r.resources.length - imports} to create${imports ? `, = ${imports} to import` : ""} (offline plan; nothing was deployed)`);
  const rest = `${advisory} advisory, ${undecided} undecided until deploy${suppressed ? `, ${suppressed} suppressed` : ""}`;
  out.push(r.passed ? `Result: passed (${rest})` : `Result: BLOCKED by ${mandatory} mandatory violation${mandatory === 1 ? "" : "s"} (${rest})`);
  return out.join("\n");
}

function summarize(res: CapturedResource): string {
  const i = toDisplay(res.inputs) as Record<string, unknown>;
  switch (res.type) {
    case "cloudflare:index/zoneSetting:ZoneSetting":
      return `${i.settingId} = ${JSON.stringify(i.value)}`;
    case "cloudflare:index/dnsRecord:DnsRecord": {
      const content = i.content ?? (i.data ? Object.values(i.data as object).join(" ") : "");
      return `${i.type} ${i.name} ${content}${i.proxied ? " (proxied)" : ""}`;
    }
    case "cloudflare:index/ruleset:Ruleset":
      return `${i.phase}, ${(i.rules as unknown[] | undefined)?.length ?? 0} rule(s)`;
    case "cloudflare:index/zoneDnssec:ZoneDnssec":
      return `status ${i.status}`;
    default:
      return "";
  }
}
