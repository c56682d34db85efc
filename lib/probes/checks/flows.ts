import { line } from "../client";
import { distinctValues } from "../fingerprint";
import { freshCredentials, needsSignup, signUp } from "../fresh-account";
import { fillTemplate, headersOf, login, sendLogin, type Session } from "../session";
import { is2xx, Findings, type Probe, type ProbeEnv } from "../types";
import { parseJsonOr, valueAt } from "../../json";

// The account flows a reviewer walks: an invite is single-use and bound to its address, signup
// cannot set its own role or organisation, and a password change needs the current password and
// ends the account's other sessions. Each runs on fresh accounts made through auth.signup.

const RUNBOOK = "app-security-finding";

async function whoami(env: ProbeEnv, s: Session, path: string) {
  return env.client.json("GET", path, undefined, headersOf(env.client, s));
}

export const flowsInvite: Probe = {
  id: "flows.invite",
  area: "Authorization",
  runbook: RUNBOOK,
  notApplicable: (plan) => (plan.flows?.invite ? undefined : "no invite flow in the probe file (flows.invite)"),
  async run(env) {
    const { plan, client } = env;
    const inv = plan.flows!.invite!;
    const a = await env.sessions.get("a");
    const f = new Findings();
    const create = async (email: string): Promise<string | undefined> => {
      const res = await client.json(inv.create.method, inv.create.path, fillTemplate(inv.create.body ?? {}, { email }), headersOf(client, a));
      const token = valueAt(parseJsonOr(res.body, undefined), inv.token.split("."));
      f.evidence.push(line(inv.create.method, inv.create.path, res, `(user a invites a fresh address${typeof token === "string" ? "" : `; no token at "${inv.token}"`})`));
      return is2xx(res.status) && typeof token === "string" ? token : undefined;
    };
    const accept = async (token: string, email: string, what: string) => {
      const res = await client.json(inv.accept.method, inv.accept.path, fillTemplate(inv.accept.body ?? {}, { token, email, password: freshCredentials(plan).password }));
      f.evidence.push(line(inv.accept.method, inv.accept.path, res, `(${what})`));
      return res.status;
    };
    const invited = freshCredentials(plan).username;
    const first = await create(invited);
    if (!first) {
      f.couldNotRun.push(`user a could not create an invite (${inv.create.method} ${inv.create.path}). Fix: check flows.invite.create and flows.invite.token, and that user a may invite`);
      return f.verdict("", "");
    }
    if (is2xx(await accept(first, freshCredentials(plan).username, "the invite, by another address"))) f.failures.push("an invite is accepted by an address it was not sent to");
    const second = (await create(invited)) ?? first;
    if (!is2xx(await accept(second, invited, "the invite, by its own address"))) f.couldNotRun.push("the invite was refused to its own address. Fix: check flows.invite.accept's body");
    else if (is2xx(await accept(second, invited, "the same invite again"))) f.failures.push("an invite can be accepted twice");
    return f.verdict("an invite works once, for its own address", "invites are not bound");
  },
};

export const flowsSignupMassAssignment: Probe = {
  id: "flows.signup-mass-assignment",
  area: "Authorization",
  runbook: RUNBOOK,
  notApplicable: needsSignup,
  async run(env) {
    const { plan, client } = env;
    const m = plan.flows?.massAssignment ?? { fields: { role: "admin", isAdmin: true }, tenantField: "orgId", whoami: plan.protected[0].path };
    const orgA = plan.users.a.org;
    const extra = { ...m.fields, [m.tenantField]: orgA };
    const f = new Findings();
    const { creds, status } = await signUp(env, extra);
    f.evidence.push(`${plan.auth.signup!.method} ${plan.auth.signup!.path} -> ${status} (a fresh account, with ${Object.keys(extra).join(", ")} set)`);
    if (!is2xx(status)) return { status: "pass", summary: `signup refuses a body that sets ${Object.keys(extra).join(", ")} (${status})`, evidence: f.evidence };
    const s = await login(client, "a", creds);
    const res = await whoami(env, s, m.whoami);
    f.evidence.push(line("GET", m.whoami, res, "(the fresh account)"));
    if (!is2xx(res.status)) f.couldNotRun.push(`the fresh account cannot read ${m.whoami} (${res.status}). Fix: set flows.massAssignment.whoami to the route that shows the signed-in account`);
    const doc = parseJsonOr(res.body, undefined);
    for (const [k, v] of Object.entries(m.fields)) if (valueAt(doc, [k]) !== undefined && JSON.stringify(valueAt(doc, [k])) === JSON.stringify(v)) f.failures.push(`signup let the client set ${k}`);
    if (distinctValues(res.body)?.has(orgA)) f.failures.push(`signup let the client join user a's organisation through ${m.tenantField}`);
    return f.verdict(`signup ignores ${Object.keys(extra).join(", ")} sent by the client`, "mass assignment at signup");
  },
};

export const flowsPasswordChange: Probe = {
  id: "flows.password-change",
  area: "Authentication",
  runbook: RUNBOOK,
  notApplicable: (plan) => (plan.flows?.passwordChange ? needsSignup(plan) : "no password-change route in the probe file (flows.passwordChange)"),
  async run(env) {
    const { plan, client } = env;
    const route = plan.flows!.passwordChange!;
    const { creds } = await signUp(env);
    const [s1, s2] = [await login(client, "a", creds), await login(client, "a", creds)];
    const f = new Findings();
    const change = async (current: string, next: string, what: string) => {
      const res = await client.json(route.method, route.path, fillTemplate(route.body ?? {}, { password: current, newPassword: next }), headersOf(client, s1));
      f.evidence.push(line(route.method, route.path, res, `(${what})`));
      return res.status;
    };
    let password = creds.password;
    const wrong = freshCredentials(plan).password;
    if (is2xx(await change(wrong, wrong, "a wrong current password"))) {
      f.failures.push("a password change succeeds without the current password");
      password = wrong;
    }
    const next = freshCredentials(plan).password;
    if (!is2xx(await change(password, next, "the current password"))) {
      f.couldNotRun.push(`the password change was refused with the right current password. Fix: check flows.passwordChange's body ({{password}}, {{newPassword}})`);
      return f.verdict("", "");
    }
    const probe = plan.protected[0];
    const other = await client.json(probe.method, probe.path, probe.body, headersOf(client, s2));
    f.evidence.push(line(probe.method, probe.path, other, "(another session of the account, after the change)"));
    if (is2xx(other.status)) f.failures.push("other sessions survive a password change");
    const old = await sendLogin(client, { username: creds.username, password });
    f.evidence.push(line(plan.auth.login.method, plan.auth.login.path, old, "(the old password)"));
    if (is2xx(old.status)) f.failures.push("the old password still logs in after the change");
    return f.verdict("a password change needs the current password and ends the other sessions", "a password change is weak");
  },
};
