import type { Handover } from "./model";

const mdCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function toMarkdown(h: Handover): string {
  const out = [`# ${h.title}`, "", h.subtitle];
  for (const s of h.sections) {
    out.push("", `## ${s.title}`, "");
    if (s.intro) out.push(s.intro, "");
    out.push(`| ${s.columns.join(" | ")} |`, `|${s.columns.map(() => "---").join("|")}|`, ...s.rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`));
  }
  return `${out.join("\n")}\n`;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One self-contained page: inline style, no scripts, nothing fetched. */
export function toHtml(h: Handover): string {
  const sections = h.sections
    .map(
      (s) =>
        `<section id="${s.id}"><h2>${esc(s.title)}</h2>${s.intro ? `<p>${esc(s.intro)}</p>` : ""}<table><thead><tr>${s.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${s.rows
          .map((r) => `<tr>${r.map((c) => `<td class="${/^(pass|warn|fail|not checked)$/.test(c) ? `status ${c.replace(" ", "-")}` : ""}">${esc(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table></section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(h.title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}td:first-child,td:nth-child(2){min-width:9rem}
th{background:#f6f8fa}.status.pass{background:#dafbe1}.status.warn{background:#fff8c5}.status.fail{background:#ffebe9}.status.not-checked{background:#eaeef2}
</style></head>
<body><h1>${esc(h.title)}</h1><p>${esc(h.subtitle)}</p>
${sections}
</body></html>
`;
}
