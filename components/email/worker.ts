// The Worker that serves the MTA-STS policy at https://mta-sts.<zone>/.well-known/mta-sts.txt.
// Senders fetch it over HTTPS with a valid certificate; anything else is a 404.

export function mtaStsWorkerSource(policy: string): string {
  return [
    `const POLICY = ${JSON.stringify(policy)};`,
    "export default {",
    "  async fetch(request) {",
    "    const url = new URL(request.url);",
    '    if (url.pathname === "/.well-known/mta-sts.txt") {',
    '      return new Response(POLICY, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "max-age=3600" } });',
    "    }",
    '    return new Response("Not found", { status: 404 });',
    "  },",
    "};",
    "",
  ].join("\n");
}
