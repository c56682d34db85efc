import { distinctValues } from "./fingerprint";
import { headersOf, type Who } from "./session";
import type { ProbeEnv } from "./types";

// What a user legitimately sees of its own: the values in its answers from the protected GET
// routes. Another user's response holding only these is no leak. Asked once per user per run.

const seen = new WeakMap<object, Map<Who, Promise<Set<string>>>>();

export function ownValues(env: ProbeEnv, who: Who): Promise<Set<string>> {
  const mine = seen.get(env.client) ?? new Map<Who, Promise<Set<string>>>();
  seen.set(env.client, mine);
  if (!mine.has(who)) mine.set(who, collect(env, who));
  return mine.get(who)!;
}

async function collect({ plan, client, sessions }: ProbeEnv, who: Who): Promise<Set<string>> {
  const s = await sessions.get(who);
  const out = new Set<string>([plan.credentials[who].username, plan.users[who].org]);
  for (const r of plan.protected.filter((p) => p.method === "GET")) {
    const res = await client.json("GET", r.path, undefined, headersOf(client, s));
    if (res.status >= 200 && res.status < 300) for (const v of distinctValues(res.body) ?? []) out.add(v);
  }
  return out;
}
