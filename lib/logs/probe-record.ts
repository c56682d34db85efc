import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Canary } from "./canary";
import { LogInputError } from "./reader";

// What a probe run leaves for a later `verify --logs` run: the time window, the User-Agent
// marker, a hash and length of every credential it sent (never the value), and the security
// events the app should have logged for the attempts it refused. In a pipeline the log export
// can only be fetched after the probes ran: the record carries the run across.

export interface HashedCanary {
  readonly label: string;
  readonly sha256: string;
  readonly length: number;
}

export interface ExpectedEvents {
  /** The probe that made the attempts. */
  readonly probe: string;
  readonly attempts: string;
  /** Any of these event names shows the attempts were logged. */
  readonly events: readonly string[];
}

export interface ProbeRecord {
  readonly version: 1;
  readonly marker: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly canaries: readonly HashedCanary[];
  readonly expected: readonly ExpectedEvents[];
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

// The events a refused attempt of each probe must leave in the log.
const EXPECTATIONS: Readonly<Record<string, { attempts: string; events: readonly string[] }>> = {
  "authn.bad-credentials": { attempts: "a login with a wrong password", events: ["authn_login_fail", "authn_login_fail_max"] },
  "authn.token-tampering": { attempts: "tampered and expired tokens", events: ["authn_token_invalid", "authn_token_reuse", "session_use_after_expire", "session_expired"] },
  "authz.objects": { attempts: "requests for another org's objects (IDOR)", events: ["authz_fail"] },
  "authz.admin": { attempts: "a member calling admin routes", events: ["authz_fail"] },
  "input.malformed-json": { attempts: "malformed JSON bodies", events: ["input_validation_fail"] },
  "csrf.foreign-origin": { attempts: "state changes without a CSRF token", events: ["csrf_token_fail"] },
  "ratelimit.burst": { attempts: "the login burst", events: ["excess_rate_limit_exceeded"] },
};

export function probeRecord(run: { marker: string; canaries: readonly Canary[]; startedAt: Date; endedAt: Date; outcomes: ReadonlyArray<{ readonly id: string; readonly status: string }> }): ProbeRecord {
  return {
    version: 1,
    marker: run.marker,
    startedAt: run.startedAt.toISOString(),
    endedAt: run.endedAt.toISOString(),
    canaries: run.canaries.map((c) => ({ label: c.label, sha256: sha256(c.value), length: c.value.length })),
    // Only attempts the app refused: an attempt that got through is the probe's own failure.
    expected: run.outcomes.filter((o) => o.status === "pass" && EXPECTATIONS[o.id]).map((o) => ({ probe: o.id, ...EXPECTATIONS[o.id] })),
  };
}

export function readProbeRecord(file: string): ProbeRecord {
  let doc: ProbeRecord;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new LogInputError(`--probe-record ${file} could not be read as JSON (${(e as Error).message.split("\n")[0]}). Fix: pass the file npm run verify -- --probes <file> --probe-record <file> wrote.`);
  }
  if (doc?.version !== 1 || !Array.isArray(doc.canaries) || !Array.isArray(doc.expected) || typeof doc.marker !== "string" || Number.isNaN(Date.parse(doc.startedAt)) || Number.isNaN(Date.parse(doc.endedAt))) {
    throw new LogInputError(`--probe-record ${file} is not a probe record. Fix: pass the file npm run verify -- --probes <file> --probe-record <file> wrote.`);
  }
  return doc;
}
