import { line } from "../client";
import { fingerprintOf, holds, recognisable } from "../fingerprint";
import { claimsOf, forgedTokens } from "../jwt";
import { carry, headersOf } from "../session";
import { is2xx, Findings, type Probe } from "../types";

// Privilege from claims nobody verified: tokens forged from a real session with raised claims.
// Each admin route gets user a's token with the file's raised claims (role: admin by default);
// one object route per kind gets user b's token claiming a's org and subject. Unsigned, under
// the original signature, and re-signed with HS256 and weak keys: an app that verifies its tokens
// refuses every one. Admin routes are judged by status, objects by a's fingerprint.

const RUNBOOK = "app-security-finding";

export const authzEscalation: Probe = {
  id: "authz.escalation",
  area: "Authorization",
  runbook: RUNBOOK,
  notApplicable: (plan) => (plan.admin.length || plan.objects.length ? undefined : "no admin route or object in the probe file (admin, objects)"),
  async run({ plan, client, sessions }) {
    const [a, b] = [await sessions.get("a"), await sessions.get("b")];
    const { claims, orgClaim, subjectClaim } = plan.auth.escalation;
    const carrier = plan.auth.carrier === "bearer" ? "token" : "session cookie";
    if (!claimsOf(a.token) || !claimsOf(b.token)) return { status: "skip", summary: `not applicable: the ${carrier} is opaque, not a JWT, so there are no claims to forge (tampering is authn.token-tampering's)`, evidence: [] };
    const f = new Findings();
    let sent = 0;
    for (const r of plan.admin) {
      for (const v of forgedTokens(a.token, claims)) {
        const res = await client.json(r.method, r.path, r.body, carry(client, v.token, { csrfToken: a.csrfToken }));
        sent++;
        f.evidence.push(line(r.method, r.path, res, `(user a's ${carrier}, ${Object.keys(claims).join(", ")} raised, ${v.name})`));
        if (is2xx(res.status)) f.failures.push(`${r.method} ${r.path} accepts a forged ${carrier} (${v.name}) -> ${res.status}`);
      }
    }
    const aClaims = claimsOf(a.token)!;
    const asA = { [orgClaim]: aClaims[orgClaim], [subjectClaim]: aClaims[subjectClaim] };
    for (const o of plan.objects) {
      const path = o.path.replace(/\{id\}/g, encodeURIComponent(o.id));
      const own = await client.json("GET", path, undefined, headersOf(client, a));
      const fp = fingerprintOf(own.body, o.id, { field: o.fingerprint });
      if (!is2xx(own.status) || !recognisable(fp)) {
        f.couldNotRun.push(`user a cannot read GET ${path} (status ${own.status}), so a forged token's answer has nothing to compare with. Fix: set the object's id to one user a owns`);
        continue;
      }
      for (const v of forgedTokens(b.token, asA)) {
        const res = await client.json("GET", path, undefined, carry(client, v.token, { csrfToken: b.csrfToken }));
        sent++;
        const present = holds(res.body, fp);
        f.evidence.push(line("GET", path, res, `(user b's ${carrier} claiming a's ${orgClaim} and ${subjectClaim}, ${v.name}): a's object ${present ? "present" : "absent"}`));
        if (present) f.failures.push(`GET ${path} gives a's ${o.kind} to a forged ${carrier} (${v.name})`);
      }
    }
    return f.verdict(`${sent} forged ${carrier}s with raised claims refused`, "a forged token raises privilege");
  },
};
