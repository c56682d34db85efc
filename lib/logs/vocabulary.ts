// The contract for the app's security log: one JSON object per line, events named in the OWASP
// Logging Vocabulary (`name:arg1,arg2`). The stack's metric filters, verify's `logs.*` checks and
// the sample app all read this one definition.

/** Fields every event carries. `userid` is an opaque id, never an email address. */
export const REQUIRED_FIELDS = ["datetime", "appid", "event", "level", "description", "source_ip", "request_uri", "request_method"] as const;

export const LEVELS = ["INFO", "WARN", "CRITICAL"] as const;

/**
 * The vocabulary's names this contract uses, with the arguments each takes. `csrf_token_fail` is
 * ours: the vocabulary has no event for a refused CSRF token.
 */
export interface EventSpec {
  readonly args: string;
  readonly level: (typeof LEVELS)[number];
  readonly example: string;
}

export const EVENTS: Readonly<Record<string, EventSpec>> = {
  authn_login_success: { args: "userid", level: "INFO", example: "User 4f1c signed in" },
  authn_login_fail: { args: "userid", level: "WARN", example: "Sign-in refused for user 4f1c" },
  authn_login_fail_max: { args: "userid,maxlimit", level: "WARN", example: "User 4f1c reached 5 failed sign-ins" },
  authn_login_lock: { args: "userid,reason", level: "WARN", example: "User 4f1c locked after repeated failures" },
  authn_password_change: { args: "userid", level: "INFO", example: "User 4f1c changed their password" },
  authn_password_change_fail: { args: "userid", level: "CRITICAL", example: "Password change refused for user 4f1c" },
  authn_token_created: { args: "userid,entitlements", level: "INFO", example: "API token created for user 4f1c" },
  authn_token_revoked: { args: "userid,tokenid", level: "INFO", example: "Token t-91 of user 4f1c revoked" },
  authn_token_reuse: { args: "userid,tokenid", level: "CRITICAL", example: "Revoked token t-91 presented again" },
  authn_token_invalid: { args: "userid", level: "WARN", example: "A token with a bad signature was presented" },
  session_created: { args: "userid", level: "INFO", example: "Session started for user 4f1c" },
  session_expired: { args: "userid,reason", level: "INFO", example: "Session of user 4f1c expired" },
  session_use_after_expire: { args: "userid", level: "CRITICAL", example: "An expired session of user 4f1c was used" },
  authz_fail: { args: "userid,resource", level: "CRITICAL", example: "User 4f1c refused /api/orgs/7/members" },
  authz_change: { args: "userid,from,to", level: "WARN", example: "User 4f1c changed from member to admin" },
  authz_admin: { args: "userid,event", level: "WARN", example: "Admin user 9a2e invited a member" },
  input_validation_fail: { args: "field,userid", level: "WARN", example: "Body of POST /api/posts did not parse" },
  csrf_token_fail: { args: "userid", level: "WARN", example: "A form post arrived without a valid CSRF token" },
  excess_rate_limit_exceeded: { args: "userid,max", level: "WARN", example: "Client over 10 sign-ins per minute" },
  malicious_excess_404: { args: "userid,useragent", level: "WARN", example: "One client asked for 300 missing paths" },
  malicious_extraneous: { args: "userid,inputname,useragent", level: "CRITICAL", example: "Unexpected field is_admin in a sign-up" },
  malicious_attack_tool: { args: "userid,toolname,useragent", level: "CRITICAL", example: "Requests from a known scanner" },
  sys_monitor_disabled: { args: "userid,monitor", level: "WARN", example: "The security log writer stopped" },
  sys_monitor_enabled: { args: "userid,monitor", level: "WARN", example: "The security log writer started" },
  user_created: { args: "userid,newuserid,attributes", level: "WARN", example: "User 9a2e invited user 77b0" },
  user_deleted: { args: "userid,deleteduserid", level: "WARN", example: "User 9a2e removed user 77b0" },
};

/** What must never be written to the security log, by field name or by value. */
export const NEVER_LOGGED = ["passwords", "session ids and session cookies", "access and refresh tokens, JWTs", "Authorization and Cookie header values", "connection strings", "API keys and private keys", "card numbers"] as const;

/** The event name of a vocabulary event string, `authz_fail:4f1c,/x` → `authz_fail`. */
export const eventName = (event: string) => {
  const colon = event.indexOf(":");
  return colon < 0 ? event : event.slice(0, colon);
};

/** The vocabulary's entry for a name; own names only, so `constructor` or `__proto__` in a log is no event. */
const ENTRIES = new Map(Object.entries(EVENTS));
export const vocabularyEntry = (name: string): EventSpec | undefined => ENTRIES.get(name);

export const isVocabulary = (name: string) => vocabularyEntry(name) !== undefined || name.startsWith("malicious_");

/** Events the stack counts, and when a count becomes an alarm. */
export interface SpikeAlarm {
  readonly metric: string;
  readonly events: readonly string[];
  /** Events per five minutes that page. */
  readonly threshold: number;
  readonly severity: "critical" | "warning";
  readonly watches: string;
}

export const SPIKE_ALARMS: readonly SpikeAlarm[] = [
  { metric: "LoginFailures", events: ["authn_login_fail", "authn_login_fail_max"], threshold: 50, severity: "warning", watches: "a spike of failed sign-ins (credential stuffing)" },
  { metric: "AccountLockouts", events: ["authn_login_lock"], threshold: 5, severity: "critical", watches: "accounts locked out" },
  { metric: "AuthorizationFailures", events: ["authz_fail"], threshold: 20, severity: "critical", watches: "refused access to other users' or orgs' data (IDOR probing)" },
  { metric: "TokenReuse", events: ["authn_token_reuse", "session_use_after_expire"], threshold: 1, severity: "critical", watches: "a revoked token or expired session used again" },
  { metric: "RateLimitHits", events: ["excess_rate_limit_exceeded"], threshold: 100, severity: "warning", watches: "clients over the rate limits" },
];

/** A CloudWatch Logs JSON filter pattern matching events whose name is one of `events`. */
export const eventPattern = (events: readonly string[]) => `{ ${events.map((e) => `($.event = "${e}:*")`).join(" || ")} }`;
