import { debugLeaks } from "../../verify/error-pages";
import { line, type ProbeResponse } from "../client";
import { headersOf } from "../session";
import { is2xx, is4xx, Findings, type Probe, type ProbeEnv } from "../types";

// Input validation: malformed JSON, wrong types, oversized bodies and unknown fields must get a
// 4xx, never a 5xx or a stack trace. Sent as user a, with the CSRF token, so only validation
// stands between the request and the handler.

const RUNBOOK = "app-security-finding";
const MAX_FIELDS = 8;

interface InputRoute {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly maxBodyBytes: number;
}

const routes = (env: ProbeEnv): InputRoute[] => [...env.plan.input, ...(env.plan.auth.signup?.body ? [{ ...env.plan.auth.signup, body: env.plan.auth.signup.body, maxBodyBytes: 1_048_576 }] : [])];

/** A value of another JSON type than the one given. */
function wrongType(v: unknown): unknown {
  if (typeof v === "string") return 12345;
  if (typeof v === "number") return "not-a-number";
  if (typeof v === "boolean") return "yes";
  if (Array.isArray(v)) return "not-a-list";
  if (v && typeof v === "object") return "not-an-object";
  return { unexpected: true };
}

/** One broken body; `refusedByReset` when a server may rightly drop the connection instead of answering. */
type Case = { note: string; body: string; refusedByReset?: boolean };

/** Sends each case to each route and judges the answers the same way. */
function inputProbe(id: string, passSummary: string, failSummary: string, cases: (r: InputRoute) => Case[]): Probe {
  return {
    id,
    area: "Input validation",
    runbook: RUNBOOK,
    notApplicable: (plan) => (plan.input.length || plan.auth.signup?.body ? undefined : "no route with a JSON body in the probe file (input)"),
    async run(env) {
      const a = await env.sessions.get("a");
      const f = new Findings();
      for (const r of routes(env)) {
        for (const c of cases(r)) {
          let res: ProbeResponse;
          try {
            res = await env.client.send({ method: r.method, path: r.path, headers: { "content-type": "application/json", ...headersOf(env.client, a) }, body: c.body });
          } catch (e) {
            // A server may close the connection on an oversized body before reading it: refused, not accepted.
            if (c.refusedByReset && /ECONNRESET|EPIPE|socket hang up/.test((e as Error).message)) {
              f.evidence.push(`${r.method} ${r.path} -> connection closed (${c.note})`);
              continue;
            }
            throw e;
          }
          const leaks = debugLeaks(res.body);
          f.evidence.push(line(r.method, r.path, res, `(${c.note})${leaks.length ? `, body shows ${leaks.join(", ")}` : ""}`));
          if (res.status >= 500 || leaks.length) f.failures.push(`${r.method} ${r.path} ${c.note} -> ${res.status}${leaks.length ? ` with ${leaks.join(", ")}` : ""}`);
          else if (is2xx(res.status)) f.failures.push(`${r.method} ${r.path} accepts ${c.note} (${res.status})`);
          else if (res.status === 401 || res.status === 403) f.warnings.push(`${r.method} ${r.path} refused user a before validation (${res.status}): check the session and auth.csrf in the probe file`);
          else if (!is4xx(res.status)) f.warnings.push(`${r.method} ${r.path} ${c.note} -> ${res.status} (expected 4xx)`);
        }
      }
      return f.verdict(passSummary, failSummary);
    },
  };
}

export const inputMalformedJson = inputProbe("input.malformed-json", "malformed JSON gets a 4xx", "malformed JSON is not refused cleanly", (r) => [{ note: "malformed JSON", body: JSON.stringify(r.body).slice(0, -1) + ',"' }]);

export const inputWrongTypes = inputProbe("input.wrong-types", "fields of the wrong type get a 4xx", "a field of the wrong type is accepted", (r) =>
  Object.keys(r.body)
    .slice(0, MAX_FIELDS)
    .map((k) => ({ note: `${k} as ${typeof wrongType(r.body[k]) === "object" ? "an object" : `a ${typeof wrongType(r.body[k])}`}`, body: JSON.stringify({ ...r.body, [k]: wrongType(r.body[k]) }) })),
);

export const inputOversized = inputProbe("input.oversized", "bodies over the size limit get a 4xx", "an oversized body is accepted", (r) => {
  // The valid body padded with whitespace between its tokens: it parses to the same object, so
  // only a body limit can refuse it, never a field's own length rule.
  const valid = JSON.stringify(r.body);
  const body = `{${" ".repeat(r.maxBodyBytes + 1024)}${valid.slice(1)}`;
  return [{ note: `oversized body (${body.length} bytes, limit ${r.maxBodyBytes})`, body, refusedByReset: true }];
});

export const inputUnknownFields = inputProbe("input.unknown-fields", "unknown fields get a 4xx", "unknown fields are accepted", (r) => [
  { note: "unknown fields (role, orgId, isAdmin)", body: JSON.stringify({ ...r.body, role: "admin", orgId: "probe-other-org", isAdmin: true }) },
]);
