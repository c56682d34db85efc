import { randomBytes } from "node:crypto";
import type { ProbeResponse } from "../client";
import { fillTemplate, sendLogin } from "../session";
import { mannWhitney } from "../stats";
import { Findings, type Probe, type ProbeEnv } from "../types";

// User enumeration: login, signup and password reset must answer a known and an unknown account
// alike, in status, in body (once ids, times and nonces are stripped) and in time. Timing counts
// only with a rank test over paired samples, taken in random order within each pair so drift in
// the app's load falls on both sides, and only when the gap is large enough to matter.

const RUNBOOK = "app-security-finding";
/** A difference in time is reported only past all three: significance, effect size and milliseconds. */
const P_MAX = 0.001;
const EFFECT_MIN = 0.5;
const GAP_MIN_MS = 5;

/** The body with what changes per request or names the account stripped. */
export function normalisedBody(body: string, account: string): string {
  return body
    .split(account)
    .join("<account>")
    .replace(/\b\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)?/g, "<time>")
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>")
    .replace(/[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*|[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*\d[A-Za-z0-9_-]*/g, (m) => (m.length >= 12 ? "<nonce>" : m))
    .replace(/\d+/g, "<n>");
}

interface Flow {
  readonly name: string;
  readonly send: (account: string) => Promise<ProbeResponse>;
  /** How many pairs to time; 1 for a flow whose unknown side creates an account (signup). */
  readonly pairs: number;
}

function flows(env: ProbeEnv): { flows: Flow[]; notes: string[] } {
  const { plan, client } = env;
  const samples = plan.enumeration?.samples ?? 30;
  const wrong = () => randomBytes(12).toString("base64url");
  const out: Flow[] = [{ name: "login", pairs: samples, send: (u) => sendLogin(client, { username: u, password: wrong() }) }];
  const notes: string[] = [];
  const signup = plan.auth.signup;
  if (signup && JSON.stringify(signup.body ?? {}).includes("{{username}}")) out.push({ name: "signup", pairs: 1, send: (u) => client.json(signup.method, signup.path, fillTemplate(signup.body, { username: u, password: `${wrong()}Aa1!` })) });
  else notes.push("signup not compared (auth.signup's body has no {{username}})");
  const reset = plan.enumeration?.reset ?? plan.passwordReset?.request;
  if (reset) out.push({ name: "password reset", pairs: samples, send: (u) => client.json(reset.method, reset.path, fillTemplate(reset.body ?? {}, { username: u })) });
  else notes.push("password reset not compared (enumeration.reset)");
  return { flows: out, notes };
}

export const authnEnumeration: Probe = {
  id: "authn.enumeration",
  area: "Authentication",
  runbook: RUNBOOK,
  // Opt-in: it sends user a dozens of failed logins, which an app with lockout counts.
  notApplicable: (plan) => (plan.enumeration ? undefined : "opt in with enumeration: {} (it sends user a samples x 2 failed logins; an app with account lockout locks it)"),
  async run(env) {
    const known = env.plan.credentials.a.username;
    const domain = known.includes("@") ? known.split("@")[1] : "example.test";
    const f = new Findings();
    const { flows: list, notes } = flows(env);
    for (const flow of list) {
      const times: { known: number[]; unknown: number[] } = { known: [], unknown: [] };
      let first: { known: ProbeResponse; unknown: ProbeResponse; account: string } | undefined;
      let limited = false;
      for (let i = 0; i < flow.pairs && !limited; i++) {
        const unknownAccount = `lb-${randomBytes(6).toString("hex")}@${domain}`;
        const order = Math.random() < 0.5 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
        const got = {} as Record<"known" | "unknown", ProbeResponse>;
        for (const side of order) got[side] = await flow.send(side === "known" ? known : unknownAccount);
        if (got.known.status === 429 || got.unknown.status === 429) limited = true;
        first ??= { ...got, account: unknownAccount };
        times.known.push(got.known.ms);
        times.unknown.push(got.unknown.ms);
      }
      const { known: k, unknown: u, account } = first!;
      f.evidence.push(`${flow.name}: known account -> ${k.status}, unknown account -> ${u.status}`);
      if (k.status !== u.status) f.failures.push(`${flow.name} answers ${k.status} for a known account and ${u.status} for an unknown one`);
      else if (normalisedBody(k.body, known) !== normalisedBody(u.body, account)) f.failures.push(`${flow.name} answers a known and an unknown account with different bodies (ids, times and nonces stripped)`);
      if (flow.pairs === 1) continue;
      if (limited) {
        f.couldNotRun.push(`${flow.name} timing: rate limited (429) after ${times.known.length} of ${flow.pairs} pairs. Fix: raise the limit on a test deployment for the probe's address`);
        continue;
      }
      const t = mannWhitney(times.known, times.unknown);
      const gap = `median gap ${t.medianDiff.toFixed(1)} ms, rank-biserial ${t.effect.toFixed(2)}, p=${t.p < 1e-4 ? t.p.toExponential(1) : t.p.toFixed(4)} over ${times.known.length} pairs`;
      f.evidence.push(`${flow.name} timing (known minus unknown): ${gap}`);
      if (t.p < P_MAX && Math.abs(t.effect) >= EFFECT_MIN && Math.abs(t.medianDiff) >= GAP_MIN_MS) f.failures.push(`${flow.name} takes ${t.medianDiff > 0 ? "longer" : "less time"} for a known account (${gap})`);
    }
    return f.verdict(`login${list.length > 1 ? `, ${list.slice(1).map((x) => x.name).join(", ")}` : ""} answer known and unknown accounts alike${notes.length ? `; ${notes.join("; ")}` : ""}`, "accounts can be enumerated");
  },
};
