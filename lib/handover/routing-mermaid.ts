import type { Routing } from "./routing";

// The same routing as a Mermaid flowchart, for the Markdown handover (GitHub and most wikis draw
// it; elsewhere it still reads as a list of edges).

const label = (s: string) => `"${s.replace(/"/g, "#quot;")}"`;

export function routingMermaid(r: Routing): string {
  const lines = ["flowchart LR"];
  for (const g of r.groups) {
    const names = g.alarms.length > 3 ? `${g.alarms.slice(0, 2).join(", ")} +${g.alarms.length - 2} more` : g.alarms.join(", ");
    lines.push(`  ${g.id.replace("-", "")}[${label(`${names}<br/>runbook: ${g.runbook ?? "none named"}`)}] --> sev_${g.severity}((${g.severity}))`);
  }
  for (const k of new Set(r.groups.map((g) => `${g.severity}|${g.channel}`))) {
    const [s, id] = k.split("|");
    const c = r.channels.find((x) => x.id === id)!;
    lines.push(`  sev_${s} --> ${id.replace("-", "")}[${label(`${c.kind}<br/>${c.name}`)}]`);
  }
  for (const p of r.recipients) for (const c of p.channels) lines.push(`  ${c.replace("-", "")} --> ${p.id.replace("-", "")}[${label(p.label)}]`);
  return ["```mermaid", ...lines, "```"].join("\n");
}
