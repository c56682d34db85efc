import type { Cell, Handover } from "./model";
import { routingMermaid } from "./routing-mermaid";
import { routingSvg } from "./routing-svg";
import type { Summary } from "./summary";

// The handover in two forms: Markdown (for the repository or a wiki; routing as Mermaid) and one
// self-contained HTML page (inline style and SVG, no script, nothing fetched, fit to print).

const mdCell = (c: Cell) => (typeof c === "string" ? c : c.join(", ")).replace(/\|/g, "\\|").replace(/\n/g, " ");

function summaryLines(s: Summary): string[] {
  const byStatus = new Map<string, string[]>();
  for (const a of s.areas) byStatus.set(a.gate, [...(byStatus.get(a.gate) ?? []), a.area]);
  return [
    `- **Stack:** ${s.stack}, from ${s.source}`,
    `- **Verdict per launch area (gate):** ${[...byStatus].map(([status, areas]) => `${status}: ${areas.join(", ")}`).join("; ")}`,
    ...(s.areas.some((a) => a.live !== "not run") ? [`- **Live verdicts:** ${s.areas.map((a) => `${a.area} ${a.live}`).join("; ")}`] : []),
    `- **Open risks:** ${s.blocking ? `${s.blocking} blocking the deploy; ` : "none blocking the deploy; "}${s.risks.length} open`,
    ...s.risks.map((r) => `  - ${r}`),
    `- **Where alerts go:** ${s.alerts.map((a) => `${a.severity} reaches ${a.reaches.join(", ")}`).join("; ") || "no alarm is routed"}`,
  ];
}

export function toMarkdown(h: Handover, runbooks: string): string {
  const out = [`# ${h.title}`, "", h.subtitle, "", "## At a glance", "", ...summaryLines(h.summary), "", "## Alert routing", "", `Alarm, severity, channel, who it reaches; each alarm group names its runbook (in ${runbooks}/).`, "", routingMermaid(h.routing)];
  for (const s of h.sections) {
    out.push("", `## ${s.title}`, "");
    if (s.intro) out.push(s.intro, "");
    out.push(`| ${s.columns.join(" | ")} |`, `|${s.columns.map(() => "---").join("|")}|`, ...s.rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`));
  }
  return `${out.join("\n")}\n`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const STATUS = /^(pass|warn|fail|not checked|not run)$/;
/** An unbroken run this long (keys, ARNs) may break anywhere; shorter values never do. */
const LONG_TOKEN = /\S{40,}/;

function td(c: Cell, label: string): string {
  const text = typeof c === "string" ? c : c.join(" ");
  const classes = [STATUS.test(text) ? `status ${text.replace(" ", "-")}` : "", LONG_TOKEN.test(text) ? "long" : ""].filter(Boolean).join(" ");
  const body = typeof c === "string" ? esc(c) : c.length ? `<ul>${c.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : "";
  return `<td data-label="${esc(label)}"${classes ? ` class="${classes}"` : ""}>${body}</td>`;
}

function summaryHtml(s: Summary): string {
  const chip = (status: string, text: string) => `<li class="status ${status.split(" ")[0] === "not" ? status.replace(" ", "-") : status.split(" ")[0]}">${esc(text)}</li>`;
  const live = s.areas.some((a) => a.live !== "not run");
  return `<section id="summary"><h2>At a glance</h2><div class="cards">
<div class="card"><h3>Stack</h3><p class="big">${esc(s.stack)}</p><p>from ${esc(s.source)}</p></div>
<div class="card"><h3>Verdict per launch area</h3><ul class="chips">${s.areas.map((a) => chip(a.gate, `${a.area}: ${a.gate}${live ? `, live ${a.live}` : ""}`)).join("")}</ul></div>
<div class="card"><h3>Open risks</h3><p class="big">${s.blocking ? `${s.blocking} blocking` : "none blocking"}, ${s.risks.length} open</p>${s.risks.length ? `<ul>${s.risks.slice(0, 5).map((r) => `<li>${esc(r)}</li>`).join("")}${s.risks.length > 5 ? `<li><a href="#risks">all ${s.risks.length} in Known risks</a></li>` : ""}</ul>` : ""}</div>
<div class="card"><h3>Where alerts go</h3>${s.alerts.length ? `<ul>${s.alerts.map((a) => `<li><strong>${esc(a.severity)}</strong>: ${esc(a.reaches.join(", "))}</li>`).join("")}</ul>` : "<p>no alarm is routed</p>"}</div>
</div></section>`;
}

/** One self-contained page: inline style and SVG, no scripts, nothing fetched. */
export function toHtml(h: Handover, runbooks: string): string {
  const sections = h.sections
    .map((s) => `<section id="${s.id}"><h2>${esc(s.title)}</h2>${s.intro ? `<p>${esc(s.intro)}</p>` : ""}<table><thead><tr>${s.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${s.rows.map((r) => `<tr>${r.map((c, i) => td(c, s.columns[i])).join("")}</tr>`).join("")}</tbody></table></section>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(h.title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:76rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}h3{font-size:.95rem;margin:0 0 .4rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem}.card{border:1px solid #d0d7de;border-radius:6px;padding:.7rem .9rem}.card ul{margin:.2rem 0;padding-left:1.1rem}.big{font-size:1.1rem;font-weight:600;margin:.1rem 0}
.chips{list-style:none;padding:0!important;display:flex;flex-wrap:wrap;gap:.3rem}.chips li{border-radius:4px;padding:.1rem .4rem;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
td.long{overflow-wrap:anywhere;min-width:12rem}td ul{margin:0;padding-left:1rem}
th{background:#f6f8fa}.status.pass{background:#dafbe1}.status.warn{background:#fff8c5}.status.fail{background:#ffebe9}.status.not-checked,.status.not-run{background:#eaeef2}
.picture{overflow-x:auto}svg.routing{display:block;height:auto}
@media (max-width:700px){svg.routing{width:760px}}
@media (max-width:700px){table,thead,tbody,tr,td{display:block}thead{position:absolute;left:-9999px}tr{border:1px solid #d0d7de;margin-bottom:.5rem}td{border:none;border-top:1px solid #eaeef2}td.long{min-width:0}td::before{content:attr(data-label);display:block;font-size:11px;font-weight:600;color:#57606a}}
@media print{section{break-inside:avoid-page}a{color:inherit}}
</style></head>
<body><h1>${esc(h.title)}</h1><p>${esc(h.subtitle)}</p>
${summaryHtml(h.summary)}
<section id="routing"><h2>Alert routing</h2><p>Alarm, severity, channel, who it reaches. Each alarm group links its runbook.</p><div class="picture">${routingSvg(h.routing, runbooks)}</div></section>
${sections}
</body></html>
`;
}
