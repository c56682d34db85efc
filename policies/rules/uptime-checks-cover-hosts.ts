import { parseExpression, valuesOf } from "../../lib/edge/expression";
import { asvs, type LaunchStackPolicy } from "../rule";
import { DNS_RECORD, normalizeName } from "./dns-records";
import { HEALTH_CHECK, RULESET, known, ofType } from "./monitoring";

export const uptimeChecksCoverHosts: LaunchStackPolicy = {
  name: "uptime-checks-cover-hosts",
  description: "Every public host of the app (a proxied DNS record) has an uptime check, except hosts that only redirect to another.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Add a check for the host to launch-baseline:uptime checks (homepage, login page, API health), with text its healthy response contains.",
  references: [asvs("V7.4.3", "Security logging and monitoring detect and alert on failures"), { standard: "OWASP API Security Top 10 2023", id: "API8:2023", title: "Security Misconfiguration", url: "https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/" }],
  runbook: "alerts-not-arriving",
  validateStack: (args, report) => {
    const checked = new Set(ofType(args.resources, HEALTH_CHECK).map((r) => known(() => String(r.props.fqdn))).filter(Boolean));
    const redirected = new Set(
      ofType(args.resources, RULESET)
        .filter((r) => known(() => r.props.phase) === "http_request_dynamic_redirect")
        .flatMap((r) => known(() => (r.props.rules as Array<{ expression: string }>).flatMap((rule) => valuesOf(parseExpression(rule.expression), "http.host"))) ?? []),
    );
    for (const r of ofType(args.resources, DNS_RECORD)) {
      const rec = known(() => ({ name: normalizeName(String(r.props.name)), type: String(r.props.type), proxied: r.props.proxied === true }));
      if (!rec || !rec.proxied || !["A", "AAAA", "CNAME"].includes(rec.type) || redirected.has(rec.name)) continue;
      if (!checked.has(rec.name)) report(`${rec.name} is public (proxied) but has no uptime check.`, r.urn);
    }
  },
};
