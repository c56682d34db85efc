import { matches, parseExpression } from "../../lib/edge/expression";
import { PRIVATE_PATH_PREFIXES } from "../../lib/edge/private-paths";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchStackPolicy } from "../rule";
import { known, ofType } from "./monitoring";

const SETTING = "cloudflare:index/zoneSetting:ZoneSetting";
const RULESET = "cloudflare:index/ruleset:Ruleset";

/** Requests a careless cache rule would store: a private path with a static-looking suffix. */
const probesOf = (prefix: string) => ["x.css", "x.js", "x.png", ""].map((suffix) => {
  const path = `${prefix.endsWith("/") ? prefix : `${prefix}/`}${suffix}`;
  return { "http.request.uri.path": path, "http.request.uri.path.extension": suffix.split(".")[1] ?? "", "http.request.uri": path, "http.request.full_uri": `https://example.com${path}` };
});

export const cachePrivatePaths: LaunchStackPolicy = {
  name: "cache-private-paths",
  description: "The edge never caches one user's response: Cache Deception Armor is on, and no cache rule caches the API, auth, account, settings or admin paths, whatever they end in.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Keep the CachePrivacy component (cache_deception_armor on, a bypass rule for the private paths). A cache rule for static assets must exclude those paths: add `and not starts_with(http.request.uri.path, \"/api/\")` and the others.",
  references: [OWASP_API8_MISCONFIGURATION, asvs("V8.2.1", "Sensitive data is not cached in shared caches")],
  runbook: "policy-gate-blocked-deploy",
  validateStack: (args, report) => {
    const armor = ofType(args.resources, SETTING).filter((s) => known(() => s.props.settingId === "cache_deception_armor"));
    if (!armor.some((s) => known(() => s.props.value === "on"))) report('Cache Deception Armor is not on (zone setting cache_deception_armor must be "on").', armor[0]?.urn);
    for (const rs of ofType(args.resources, RULESET).filter((r) => known(() => r.props.phase === "http_request_cache_settings"))) {
      const rules = known(() => rs.props.rules as Array<{ expression?: string; action?: string; actionParameters?: { cache?: boolean } }>) ?? [];
      for (const rule of rules) {
        if (rule.action !== "set_cache_settings" || rule.actionParameters?.cache === false || !rule.expression) continue;
        let caught: string | undefined;
        try {
          const e = parseExpression(rule.expression);
          caught = PRIVATE_PATH_PREFIXES.flatMap(probesOf).find((req) => matches(e, req))?.["http.request.uri.path"];
        } catch (err) {
          report(`cache rule "${rule.expression}" in ${rs.name} could not be read (${(err as Error).message}); make sure it excludes the private paths.`, rs.urn);
          continue;
        }
        if (caught) report(`cache rule in ${rs.name} would cache the private path ${caught} (expression ${rule.expression}).`, rs.urn);
      }
    }
  },
};
