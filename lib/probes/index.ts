import type { Check } from "../verify/types";
import { authnAnonymous, authnBadCredentials, authnLogout, authnTokenTampering } from "./checks/authn";
import { authzAdmin, authzObjects } from "./checks/authz";
import { authzEscalation } from "./checks/escalation";
import { cachePrivateResponses } from "./checks/cache";
import { authnPasswordReset } from "./checks/password-reset";
import { csrfForeignOrigin, csrfSameSite } from "./checks/csrf";
import { inputMalformedJson, inputOversized, inputUnknownFields, inputWrongTypes } from "./checks/input";
import { latencyP95 } from "./checks/latency";
import { ratelimitBurst } from "./checks/ratelimit";
import { authnEnumeration } from "./checks/enumeration";
import { flowsInvite, flowsPasswordChange, flowsSignupMassAssignment } from "./checks/flows";
import { sessionCookieFlags, sessionEntropy, sessionFixation } from "./checks/session-cookie";
import { authnWeakSigningKey } from "./checks/signing-key";
import { authzTenantSelectors } from "./checks/tenancy";
import { sessionTokenLifecycle } from "./checks/token-lifecycle";
import { ProbeClient, type ProbeTarget } from "./client";
import type { ProbePlan } from "./probe-file";
import { Sessions } from "./session";
import type { Probe } from "./types";

/**
 * Every probe, in the order they run: one at a time, so a burst never meets another probe's
 * login, and latency is measured on a quiet app. Rate limits go last: a limit that works may
 * refuse logins for a while after; enumeration's failed logins come just before it.
 */
export const PROBES: readonly Probe[] = [
  authnBadCredentials,
  authnAnonymous,
  authnLogout,
  authnTokenTampering,
  authnPasswordReset,
  authnWeakSigningKey,
  sessionFixation,
  sessionCookieFlags,
  sessionEntropy,
  sessionTokenLifecycle,
  authzObjects,
  authzTenantSelectors,
  authzAdmin,
  authzEscalation,
  flowsInvite,
  flowsSignupMassAssignment,
  flowsPasswordChange,
  cachePrivateResponses,
  csrfForeignOrigin,
  csrfSameSite,
  inputMalformedJson,
  inputWrongTypes,
  inputOversized,
  inputUnknownFields,
  authnEnumeration,
  latencyP95,
  ratelimitBurst,
];

/** The probes as verify checks, sharing one client (one budget) and one login per user. */
export function probeChecks(plan: ProbePlan, target: ProbeTarget): { checks: Check[]; client: ProbeClient } {
  const client = new ProbeClient(plan, target);
  const env = { plan, client, sessions: new Sessions(client) };
  const checks = PROBES.map((p): Check => {
    const skip = p.notApplicable?.(plan);
    return { id: p.id, area: p.area, runbook: p.runbook, needs: "probes", run: async () => (skip ? { status: "skip", summary: `not applicable: ${skip}`, evidence: [] } : p.run(env)) };
  });
  return { checks, client };
}
