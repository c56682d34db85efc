import { matches, parseExpression } from "../../lib/edge/expression";
import { asvs, type LaunchStackPolicy } from "../rule";
import { RULESET, known, ofType } from "./monitoring";

export const rateLimitsCoverAuth: LaunchStackPolicy = {
  name: "rate-limits-cover-auth",
  description: "The zone's rate-limiting rules match login, signup and password reset (POST), judged by evaluating each rule's expression.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Keep the auth endpoints in launch-baseline:rateLimits (the defaults cover them); on the free plan its single rule is spent on them.",
  references: [
    { standard: "OWASP API Security Top 10 2023", id: "API4:2023", title: "Unrestricted Resource Consumption", url: "https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/" },
    { standard: "OWASP API Security Top 10 2023", id: "API2:2023", title: "Broken Authentication", url: "https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/" },
    asvs("V2.2.1", "Anti-automation controls against credential stuffing and brute force"),
  ],
  runbook: "rate-limit-false-positives",
  configSchema: { properties: { paths: { type: "array", items: { type: "string" }, default: ["/api/auth/login", "/api/auth/signup", "/api/auth/password-reset"] } } },
  validateStack: (args, report) => {
    const { paths } = args.getConfig<{ paths: string[] }>();
    const rules = ofType(args.resources, RULESET)
      .filter((r) => known(() => r.props.phase) === "http_ratelimit")
      .flatMap((r) => known(() => (r.props.rules as Array<{ expression: string }>).map((x) => parseExpression(x.expression))) ?? []);
    for (const path of paths) {
      if (!rules.some((rule) => matches(rule, { "http.request.method": "POST", "http.request.uri.path": path }))) report(`no rate-limiting rule matches POST ${path}.`);
    }
  },
};
