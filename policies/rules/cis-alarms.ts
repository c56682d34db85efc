import { CIS_FILTERS, CIS_NAMESPACE } from "../../lib/logs/cis-filters";
import { asvs, type LaunchStackPolicy, type Reference } from "../rule";
import { METRIC_FILTER } from "./logging";
import { METRIC_ALARM, known, ofType } from "./monitoring";

const SECURITY_HUB: Reference = { standard: "CIS", id: "CloudWatch.1-14", title: "Security Hub CIS log metric filters and alarms", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html" };

/** Where two strings first differ, for a message a person can act on. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i + 1}: ${JSON.stringify(a.slice(i, i + 12))} where the published text has ${JSON.stringify(b.slice(i, i + 12))}`;
}

export const cisAlarms: LaunchStackPolicy = {
  name: "cis-alarms",
  description: "Every CIS alarm (Security Hub CloudWatch.1-14 and Organizations changes) exists: a metric filter in the CISBenchmark namespace with the published pattern, character for character, and an alarm on its metric.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Use the patterns in lib/logs/cis-filters.ts unchanged: Security Hub marks any other text, even an added term, as failing. To tolerate SSO sign-ins, turn on launch-baseline:logging.ssoTolerantMfaAlarm, which adds a filter beside the exact one.",
  references: [SECURITY_HUB, asvs("V7.2.1", "All authentication decisions are logged")],
  runbook: "unexpected-account-change",
  validateStack: (args, report) => {
    const filters = ofType(args.resources, METRIC_FILTER);
    const alarms = ofType(args.resources, METRIC_ALARM);
    for (const cis of CIS_FILTERS) {
      const mine = filters.filter((f) => known(() => { const t = f.props.metricTransformation as { name?: string; namespace?: string }; return t?.namespace === CIS_NAMESPACE && t?.name === cis.metric; }));
      if (mine.length === 0) {
        report(`no metric filter counts ${cis.metric} (${cis.control}: ${cis.watches}).`);
        continue;
      }
      for (const f of mine) {
        const pattern = known(() => f.props.pattern as string);
        if (pattern !== undefined && pattern !== cis.pattern) report(`metric filter ${f.name} (${cis.control}) differs from the published pattern ${firstDifference(pattern, cis.pattern)}.`, f.urn);
      }
      if (!alarms.some((a) => known(() => a.props.namespace === CIS_NAMESPACE && a.props.metricName === cis.metric))) report(`no alarm watches ${cis.metric} (${cis.control}: ${cis.watches}).`);
    }
  },
};
