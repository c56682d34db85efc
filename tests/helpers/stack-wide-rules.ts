// Rules about what a whole stack must have (coverage, the audit trail, the origin lock-down); a
// fixture of a few resources lacks it by design, so tests of other rules leave their findings out.
export const STACK_WIDE_RULES = ["uptime-checks-cover-hosts", "uptime-checks-have-alarms", "alarms-have-actions", "route53-alarms-in-us-east-1", "rate-limits-cover-auth", "audit-trail", "cis-alarms", "origin-locked", "cache-private-paths"];
