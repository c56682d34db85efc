import { randomBytes } from "node:crypto";
import type { Credentials, ProbePlan } from "./probe-file";
import { fillTemplate } from "./session";
import { CouldNotRun } from "../verify/types";
import type { ProbeEnv } from "./types";

// Accounts made for one probe through auth.signup, so flows that change a password or take an
// invite never touch the test users. The address is on user a's domain, the password random.

export const signupTemplated = (plan: ProbePlan) => Boolean(plan.auth.signup && JSON.stringify(plan.auth.signup.body ?? {}).includes("{{username}}"));
export const needsSignup = (plan: ProbePlan) => (signupTemplated(plan) ? undefined : "needs auth.signup with {{username}} and {{password}} in its body, to make fresh accounts");

export function freshCredentials(plan: ProbePlan): Credentials {
  const known = plan.credentials.a.username;
  return { username: `lb-${randomBytes(6).toString("hex")}@${known.includes("@") ? known.split("@")[1] : "example.test"}`, password: `${randomBytes(12).toString("base64url")}Aa1!` };
}

/** Signs up a fresh account, with extra body fields when given; CouldNotRun when signup refuses it. */
export async function signUp({ plan, client }: ProbeEnv, extra: Record<string, unknown> = {}): Promise<{ creds: Credentials; status: number }> {
  const creds = freshCredentials(plan);
  const route = plan.auth.signup!;
  const res = await client.json(route.method, route.path, { ...(fillTemplate(route.body, { username: creds.username, password: creds.password }) as object), ...extra });
  if (res.status < 200 || res.status > 299) {
    if (Object.keys(extra).length === 0) throw new CouldNotRun(`signing up a fresh account failed: ${route.method} ${route.path} -> ${res.status}. Fix: check auth.signup's body on this deployment`);
  }
  return { creds, status: res.status };
}
