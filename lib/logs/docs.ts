import { EVENTS, NEVER_LOGGED, REQUIRED_FIELDS } from "./vocabulary";

// The security-log contract of docs/logs-and-dmarc.md, generated from the one definition (`npm run docs`).

const USER = "u-4f1c";

/** The event string of an example: the vocabulary's arguments filled in. */
function exampleEvent(name: string): string {
  const values: Record<string, string> = { userid: USER, resource: "/api/orgs/7/members", maxlimit: "5", reason: "maxretries", tokenid: "t-91", from: "member", to: "admin", event: "invite_member", field: "body", max: "10", useragent: "sqlmap/1.7", inputname: "is_admin", toolname: "sqlmap", monitor: "security-log", newuserid: "u-77b0", attributes: "role:member", deleteduserid: "u-77b0", entitlements: "read:posts" };
  return `${name}:${EVENTS[name].args.split(",").map((a) => values[a] ?? a).join(",")}`;
}

export function logContractDocs(): string {
  const sample = { datetime: "2026-11-30T14:03:12.481Z", appid: "community", event: exampleEvent("authn_login_fail"), level: "WARN", description: EVENTS.authn_login_fail.example, source_ip: "203.0.113.9", request_uri: "/api/auth/login", request_method: "POST", useragent: "Mozilla/5.0" };
  return [
    "One JSON object per line, with these fields (`useragent` is optional, and lets `logs.probe-events` pick out a probe run's events):",
    "",
    "```json",
    JSON.stringify(sample),
    "```",
    "",
    `Required: ${REQUIRED_FIELDS.map((f) => `\`${f}\``).join(", ")}. The user id in \`event\` is an opaque id, never an email address. Never logged: ${NEVER_LOGGED.join("; ")}.`,
    "",
    "| event (example) | level | description (example) |",
    "|---|---|---|",
    ...Object.keys(EVENTS).map((name) => `| \`${exampleEvent(name)}\` | ${EVENTS[name].level} | ${EVENTS[name].example} |`),
  ].join("\n");
}
