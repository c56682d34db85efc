import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planJson, runCli } from "./helpers/run-plan";

const handover = (args: string[]) => runCli("handover", args);

/** Sections of the Markdown handover: title -> table rows (cells). */
function sections(md: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const line of md.split("\n")) {
    if (line.startsWith("## ")) out.set(line.slice(3), (current = []));
    else if (current && line.startsWith("| ") && !line.startsWith("|---")) current.push(line.slice(2, -2).split(" | "));
  }
  for (const rows of out.values()) rows.shift(); // header row
  return out;
}

// Every resource category a stack has, and the handover section that must list it.
const CATEGORIES: Array<[string, string]> = [
  ["cloudflare:index/dnsRecord:DnsRecord", "Domains and DNS records"],
  ["cloudflare:index/zoneSetting:ZoneSetting", "Edge settings"],
  ["aws:secretsmanager/secret:Secret", "Secrets"],
  ["aws:ssm/parameter:Parameter", "Runtime settings"],
  ["aws:route53/healthCheck:HealthCheck", "Uptime checks"],
  ["pulumi:providers:aws", "Accounts and providers"],
];

describe.each(["prod", "staging", "dev"])("handover of %s", (stack) => {
  it("lists every resource category the stack has, row for row", async () => {
    const out = mkdtempSync(join(tmpdir(), "lb-handover-"));
    const r = await handover(["--stack", stack, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^wrote ${out}/handover-${stack}.md and ${out}/handover-${stack}.html \\(\\d+ sections\\)\\n$`));
    const md = readFileSync(join(out, `handover-${stack}.md`), "utf8");
    const s = sections(md);
    const { doc } = await planJson(stack);
    for (const [type, title] of CATEGORIES) expect(s.get(title)?.length, title).toBe(doc.resources.filter((x) => x.type === type).length);
    const rulesets = doc.resources.filter((x) => x.type === "cloudflare:index/ruleset:Ruleset").reduce((n, x) => n + (x.inputs.rules as unknown[]).length, 0);
    expect(s.get("Redirects, rate limits and WAF")?.length).toBe(rulesets);
    expect(s.get("Alarms and who they page")?.length).toBe(doc.alertRoutes.length);
    expect(s.get("Readiness scorecard")?.map((row) => row[0])).toEqual(["Authentication", "Authorization", "Input validation", "Secrets handling", "Rate limiting", "CORS and CSRF", "Email security", "Transport security", "Logging and monitoring", "Deployment hygiene"]);
    expect(s.get("Commands")?.map((row) => row[0])).toEqual(["check offline", "deploy", "find the last verified commit", "roll back (runbooks/failed-deploy.md)", "rotate an external secret", "rotate a generated key"]);
    // Origin lockdown: pulls on every stack, and prod's load balancer group opened to Cloudflare only.
    expect(s.get("Origin lockdown")).toEqual([
      ["Authenticated Origin Pulls", `zone ${doc.resources.find((x) => x.name === "edge-ssl")!.inputs.zoneId}`, "on, with the stack's own client certificate"],
      ...(stack === "prod" ? [["security group ingress", "sg-0a1b2c3d4e5f60718", "tcp 443-443 from Cloudflare's ranges (22 CIDRs)"]] : []),
    ]);
    // Every log group and trail the stack creates, where it lives, how long, and who is paged.
    const logs = s.get("Security logs")!;
    expect(logs.map((row) => row[0])).toEqual([...doc.resources.filter((x) => x.type === "aws:cloudwatch/logGroup:LogGroup").map((x) => String(x.inputs.name)), `CloudTrail launch-baseline-${stack}-audit (all regions, validated)`]);
    expect(logs.find((row) => row[0] === `/launch-baseline/${stack}/security`)).toEqual([
      `/launch-baseline/${stack}/security`,
      "CloudWatch Logs, us-east-1, KMS-encrypted",
      `${{ prod: 365, staging: 90, dev: 30 }[stack]} days`,
      "IAM principals of the account with logs:GetLogEvents and kms:Decrypt on the logs key; data protection masks secrets, tokens, cards and emails: seeing them needs logs:Unmask",
      "6: AccountLockouts, AuthorizationFailures, TokenReuse, LoginFailures, RateLimitHits, LogEventsWithFindings",
      `launch-baseline-${stack}-alerts-critical, launch-baseline-${stack}-alerts-warning`,
    ]);
    // At a glance first, then the routing as Mermaid, then the tables; no cell is raw JSON.
    const titles = [...s.keys()];
    expect(titles.slice(0, 3)).toEqual(["At a glance", "Alert routing", "Readiness scorecard"]);
    expect(md).toMatch(/## At a glance\n\n- \*\*Stack:\*\* \S+, from the offline plan of the stack's configuration\n/);
    expect(md).toContain(`- **Where alerts go:** critical reaches e-mail oncall@example.com`);
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(md)![1].split("\n");
    expect(mermaid[0]).toBe("flowchart LR");
    // One edge from each alarm group to its severity, and every route's runbook in a group.
    for (const route of doc.alertRoutes) expect(mermaid.some((l) => l.includes(route.source.replace(/^Cloudflare /, "").replace(`launch-baseline-${stack}-`, "")) || l.includes("more<br/>runbook: " + route.runbook)), route.source).toBe(true);
    expect(mermaid.filter((l) => /--> sev_(critical|warning)\(\((critical|warning)\)\)$/.test(l)).length).toBe(new Set(doc.alertRoutes.map((a) => `${a.runbook}|${a.severity}|${a.via ?? "cf"}`)).size);
    for (const rows of s.values()) for (const row of rows) for (const c of row) expect(c).not.toMatch(/^[[{]"/);
    const html = readFileSync(join(out, `handover-${stack}.html`), "utf8");
    expect(html).toContain('<section id="scorecard">');
    expect(html).toMatch(/<section id="routing"><h2>Alert routing<\/h2>.*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(html.replace('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/<script|src=|href="http|http:\/\//);
  });
});

describe("handover with the last verify report", () => {
  it("adds the report and the live column of the scorecard", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lb-handover-"));
    const report = join(dir, "verify.json");
    writeFileSync(report, JSON.stringify({ target: "example.com", checks: [{ id: "transport.hsts", area: "Transport security", status: "pass", summary: "HSTS max-age 31536000 s", evidence: [], runbook: "runbooks/redirect-loop-or-hsts-lock-in.md" }], scorecard: [{ area: "Transport security", status: "pass" }, { area: "Logging and monitoring", status: "partial", reason: "uptime not checked: npm run verify -- --stack <env>" }] }));
    const r = await handover(["--stack", "prod", "--out", dir, "--verify", report]);
    expect(r.code).toBe(0);
    const s = sections(readFileSync(join(dir, "handover-prod.md"), "utf8"));
    expect(s.get("Last verify report")).toEqual([["transport.hsts", "pass", "HSTS max-age 31536000 s", "runbooks/redirect-loop-or-hsts-lock-in.md"]]);
    expect(s.get("Readiness scorecard")!.find((row) => row[0] === "Transport security")).toEqual(["Transport security", "pass", "0", "pass"]);
    expect(s.get("Readiness scorecard")!.find((row) => row[0] === "Authentication")).toEqual(["Authentication", "not checked", "judged live: npm run verify -- --probes probes.yaml", "not run"]);
    expect(s.get("Readiness scorecard")!.find((row) => row[0] === "Logging and monitoring")).toEqual(["Logging and monitoring", "pass", "0", "partial (uptime not checked: npm run verify -- --stack <env>)"]);
  });

  it("refuses a file that is not a verify report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lb-handover-"));
    writeFileSync(join(dir, "x.json"), "{}");
    const r = await handover(["--stack", "prod", "--out", dir, "--verify", join(dir, "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --verify ${join(dir, "x.json")} is not a verify report. Fix: pass the file npm run verify -- --json writes.\n`);
  });
});

describe("handover from exported state", () => {
  it("never writes a secret value, even from an export made with --show-secrets", async () => {
    const { doc } = await planJson("prod");
    const value = randomBytes(16).toString("hex");
    const resources = doc.resources.map((r) => ({
      urn: r.urn,
      custom: !r.type.startsWith("launch:") && r.type !== "pulumi:pulumi:Stack",
      type: r.type,
      inputs: r.name === "secrets-smtp-password-value" ? { ...r.inputs, secretString: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(value) } } : r.inputs,
      ...(r.parent ? { parent: r.parent } : {}),
      ...(r.provider ? { provider: `${r.provider}::id` } : {}),
      dependencies: r.dependencies,
    }));
    const dir = mkdtempSync(join(tmpdir(), "lb-handover-"));
    const file = join(dir, "export.json");
    writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources } }));
    const r = await handover(["--state", file, "--out", dir]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "handover-prod.md"), "utf8");
    expect(md).toContain("From the exported state");
    expect(md + readFileSync(join(dir, "handover-prod.html"), "utf8")).not.toContain(value);
  });

  it("needs a stack or a state file", async () => {
    const r = await handover([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: say which stack. Fix: npm run handover -- --stack prod (or --state <export.json>).\n");
  });
});
