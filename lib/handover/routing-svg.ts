import type { Routing } from "./routing";

// The alert-routing picture as inline SVG: four columns (alarms by runbook, severity, channel,
// recipients) joined by curves. Plain SVG with no script or font to fetch, so the page works
// offline and prints; it scales to the page's width.

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const COLOR: Record<string, string> = { critical: "#cf222e", warning: "#9a6700" };
const colorOf = (severity: string) => COLOR[severity] ?? "#57606a";
const COLUMNS = [
  { title: "alarm (runbook)", x: 8, w: 380 },
  { title: "severity", x: 440, w: 120 },
  { title: "channel", x: 610, w: 270 },
  { title: "reaches", x: 930, w: 262 },
] as const;
const WIDTH = 1200;
const TOP = 34;
const GAP = 10;

interface Box {
  readonly id: string;
  y: number;
  readonly h: number;
}

/** Places boxes at their wanted y, pushed down just enough not to overlap. */
function settle(boxes: Box[]): void {
  let bottom = TOP - GAP;
  for (const b of [...boxes].sort((a, c) => a.y - c.y)) (b.y = Math.max(b.y, bottom + GAP)), (bottom = b.y + b.h);
}

const mid = (b: Box) => b.y + b.h / 2;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

function fit(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

/** `base`: the runbooks folder as the page links it (relative to where the page is written). */
export function routingSvg(r: Routing, base: string): string {
  const groups = r.groups.map((g, i): Box => ({ id: g.id, y: TOP + i * (46 + GAP), h: 46 }));
  const groupBox = new Map(groups.map((b) => [b.id, b]));
  const severities = r.severities.map((s): Box => ({ id: `sev-${s}`, y: mean(r.groups.filter((g) => g.severity === s).map((g) => mid(groupBox.get(g.id)!))) - 16, h: 32 }));
  settle(severities);
  const channels = r.channels.map((c): Box => ({ id: c.id, y: mean(r.groups.filter((g) => g.channel === c.id).map((g) => mid(groupBox.get(g.id)!))) - 20, h: 40 }));
  settle(channels);
  const channelBox = new Map(channels.map((b) => [b.id, b]));
  const recipients = r.recipients.map((p): Box => ({ id: p.id, y: mean(p.channels.map((c) => mid(channelBox.get(c)!))) - 16, h: 32 }));
  settle(recipients);
  const all = new Map([...groups, ...severities, ...channels, ...recipients].map((b) => [b.id, b]));
  const height = Math.max(...[...all.values()].map((b) => b.y + b.h)) + GAP;

  const curve = (from: string, fromCol: number, to: string, toCol: number, color: string) => {
    const a = all.get(from)!;
    const b = all.get(to)!;
    const x1 = COLUMNS[fromCol].x + COLUMNS[fromCol].w;
    const x2 = COLUMNS[toCol].x;
    const dx = (x2 - x1) / 2;
    return `<path d="M${x1} ${mid(a)} C${x1 + dx} ${mid(a)} ${x2 - dx} ${mid(b)} ${x2} ${mid(b)}" stroke="${color}" stroke-width="1.6" fill="none" stroke-opacity="0.7"/>`;
  };
  const edges = [
    ...r.groups.map((g) => curve(g.id, 0, `sev-${g.severity}`, 1, colorOf(g.severity))),
    ...[...new Set(r.groups.map((g) => `${g.severity}|${g.channel}`))].map((k) => {
      const [s, c] = k.split("|");
      return curve(`sev-${s}`, 1, c, 2, colorOf(s));
    }),
    ...r.recipients.flatMap((p) => p.channels.map((c) => curve(c, 2, p.id, 3, colorOf(r.channels.find((x) => x.id === c)!.severity)))),
  ];
  const box = (col: number, b: Box, stroke: string, lines: string[], title: string, link?: string) => {
    const { x, w } = COLUMNS[col];
    const text = lines.map((l, i) => `<text x="${x + 10}" y="${b.y + 19 + i * 17}"${i > 0 ? ' class="sub"' : ""}>${esc(l)}</text>`).join("");
    const linked = link ? `<a href="${esc(link)}"><text x="${x + 10}" y="${b.y + 36}" class="link">${esc(fit(`runbook: ${link.split("/").pop()!.replace(/\.md$/, "")}`, 52))}</text></a>` : "";
    return `<g><title>${esc(title)}</title><rect x="${x}" y="${b.y}" width="${w}" height="${b.h}" rx="6" fill="#fff" stroke="${stroke}" stroke-width="1.5"/>${text}${linked}</g>`;
  };
  const nodes = [
    ...r.groups.map((g) => {
      const kind = g.channel && r.channels.find((c) => c.id === g.channel)?.kind === "SNS topic" ? "CloudWatch" : "Cloudflare";
      const names = `${kind}: ${g.alarms.length > 3 ? `${g.alarms.slice(0, 2).join(", ")} +${g.alarms.length - 2} more` : g.alarms.join(", ")}`;
      const link = g.runbook ? `${base}/${g.runbook.replace(/^runbooks\//, "")}` : undefined;
      return box(0, groupBox.get(g.id)!, colorOf(g.severity), [fit(names, 50), ...(link ? [] : ["no runbook named"])], `${g.alarms.join(", ")}${g.runbook ? ` -> ${g.runbook}` : ""}`, link);
    }),
    ...r.severities.map((s, i) => box(1, severities[i], colorOf(s), [s], `severity ${s}`)),
    ...r.channels.map((c, i) => box(2, channels[i], colorOf(c.severity), [fit(c.name, 38), c.kind], `${c.kind} ${c.name}`)),
    ...r.recipients.map((p, i) => box(3, recipients[i], "#57606a", [fit(p.label, 36)], p.label)),
  ];
  const heads = COLUMNS.map((c) => `<text x="${c.x}" y="18" class="head">${c.title}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="routing-title" class="routing"><title id="routing-title">Alert routing: alarm, severity, channel, recipients</title><style>svg.routing text{font:13px system-ui,sans-serif;fill:#1b1f24}svg.routing .sub{fill:#57606a;font-size:12px}svg.routing .head{font-weight:600;fill:#57606a}svg.routing .link{fill:#0969da;text-decoration:underline;font-size:12px}</style>${heads}${edges.join("")}${nodes.join("")}</svg>`;
}
