import type { Resolver } from "node:dns/promises";
import type { DmarcAnalysis } from "../dmarc/analyze";
import type { LogAnalysis } from "../logs/analyze";
import type { ProbeRecord } from "../logs/probe-record";

// The verifier's contract (DESIGN.md): checks with stable ids, an area of the checklist, a status,
// a one-line summary, the evidence and the runbook to follow when it fails.

export const AREAS = ["Authentication", "Authorization", "Input validation", "Secrets handling", "Rate limiting", "CORS and CSRF", "Email security", "Transport security", "Logging and monitoring", "Deployment hygiene"] as const;
export type Area = (typeof AREAS)[number];
/** `error`: the check could not run (no route, an untrusted certificate, bad test credentials); never a verdict. */
export type Status = "pass" | "warn" | "fail" | "skip" | "error";

/**
 * Thrown when a check cannot judge the target at all; its message names the cause and the fix.
 * Reported as status `error` ("could not run"), which is neither pass nor fail.
 */
export class CouldNotRun extends Error {}

export interface CheckResult {
  readonly status: Status;
  readonly summary: string;
  /** What was observed; masked where it could hold a secret. */
  readonly evidence: readonly string[];
}

export interface VerifyContext {
  /** The zone apex; DNS and email checks need it. */
  readonly domain: string;
  /** The app's HTTPS URL; transport and header checks need it. */
  readonly url?: string;
  /** Every URL given (--url) or every host of the stack, the first being `url`. */
  readonly urls?: readonly string[];
  /** Alias hosts that must redirect permanently to the canonical host (--stack canonicalRedirect, or --canonical). */
  readonly canonical?: { readonly from: readonly string[]; readonly to: string };
  /** Names to ask for dangling CNAMEs: the CNAMEs of --existing-zone exports, and the stack's hosts. */
  readonly cnameNames?: readonly string[];
  /** Every public host of the stack (with --stack), asked for files that must not be served. */
  readonly hosts?: readonly string[];
  /** Port plain HTTP is served on (80 in production). */
  readonly httpPort: number;
  /** "host:port" -> address, as curl's --resolve. */
  readonly resolve: ReadonlyMap<string, string>;
  /** Extra CA to trust (a private staging CA, tests). */
  readonly ca?: Buffer;
  /** A git working tree to scan, history included. */
  readonly repo?: string;
  /** A folder of built frontend assets to scan; else the scripts the site serves. */
  readonly bundle?: string;
  /** A message a test inbox received, to authenticate (.eml). */
  readonly eml?: string;
  readonly dkimSelectors: readonly string[];
  readonly resolver: Resolver;
  /** Origins the app trusts for CORS (--stack: launch-baseline:corsOrigins; or --trusted-origin). */
  readonly trustedOrigins?: readonly string[];
  /** Each proxied host and its origin (from --stack hosts, or --origin host=address). */
  readonly origins?: ReadonlyArray<{ readonly host: string; readonly origin: string }>;
  /** The stack's uptime checks (with --stack): what Route 53 will ask, and must find. */
  readonly uptimeChecks?: ReadonlyArray<{ readonly name: string; readonly url: string; readonly match: string }>;
  /** DMARC aggregate reports (--dmarc-reports), read once before the checks run. */
  readonly dmarcReports?: DmarcAnalysis;
  /** The analysis of a security-log export (--logs), made once before the checks run. */
  readonly logs?: LogAnalysis;
  /** What a probe run sent and expects in the log (--probe-record), for logs.canaries and logs.probe-events. */
  readonly probeRecord?: ProbeRecord;
  /** Which checks to run: ids or id prefixes such as "dns" or "email.spf". Default: all. */
  readonly only?: readonly string[];
  /** Per request, in milliseconds. */
  readonly timeoutMs: number;
}

export interface Check {
  readonly id: string;
  /** What the check needs from the target; without it the check is skipped. */
  readonly needs: "domain" | "url" | "repo" | "bundle-or-url" | "eml" | "probes" | "logs" | "uptime" | "origins" | "canonical" | "cnames" | "dmarc-reports";
  readonly area: Area;
  readonly runbook: string;
  run(ctx: VerifyContext): Promise<CheckResult>;
}

export interface CheckOutcome extends CheckResult {
  readonly id: string;
  /** For checks run on several hosts: each host's own result. */
  readonly hosts?: ReadonlyArray<{ readonly host: string; readonly status: Status; readonly summary: string }>;
  readonly area: Area;
  readonly runbook: string;
}
