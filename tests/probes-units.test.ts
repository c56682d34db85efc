import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { normalisedBody } from "../lib/probes/checks/enumeration";
import { distinctValues, fingerprintOf, holds, recognisable } from "../lib/probes/fingerprint";
import { estimatedBits, sessionIdOf } from "../lib/probes/session-entropy";
import { mannWhitney } from "../lib/probes/stats";
import { crackHmac, weakSecrets } from "../lib/probes/weak-keys";

// The parts the probes judge with, on the shapes real APIs answer in and on reference values.

const thread = { id: "thr_a1", title: "Quarterly roadmap for North", author: { id: "usr_a", email: "avery@north.test" }, status: "published" };
const SHAPES: Record<string, unknown> = {
  plain: thread,
  "paginated envelope": { data: [thread], next: "/api/threads?cursor=2" },
  "JSON:API": { data: { type: "threads", id: thread.id, attributes: { title: thread.title, status: thread.status }, relationships: { author: { data: { type: "users", id: "usr_a" } } } } },
  HAL: { _embedded: { threads: [{ ...thread, _links: { self: { href: "/api/threads/thr_a1" } } }] }, _links: { next: { href: "/api/threads?page=2" } } },
  GraphQL: { data: { thread: { id: thread.id, title: thread.title, replies: { edges: [{ node: { id: "rep_1", text: "Draft the milestones by Friday" } }] } } } },
  batch: [thread, { id: "thr_a2", title: "Hiring plan for North" }],
};

describe("fingerprints", () => {
  it.each(Object.keys(SHAPES))("%s: a's view is recognised in b's answer, whatever wraps it", (shape) => {
    const body = JSON.stringify(SHAPES[shape]);
    const fp = fingerprintOf(body, "thr_a1");
    expect(recognisable(fp)).toBe(true);
    expect(fp.values.has("thr_a1")).toBe(false); // b sends the id itself: never evidence alone
    expect(holds(JSON.stringify({ results: SHAPES[shape] }), fp)).toBe(true);
    expect(holds(JSON.stringify({ error: "no such thread", id: "thr_a1" }), fp)).toBe(false);
    expect(holds(JSON.stringify({ data: [], next: null }), fp)).toBe(false);
  });

  it("values b sees in its own view are not a leak: a shared enum, b's own org, b's own e-mail", () => {
    const a = JSON.stringify([{ id: "m1", email: "avery@north.test", team: "Platform Team" }]);
    const bOwn = JSON.stringify([{ id: "m9", email: "blake@south.test", team: "Platform Team" }]);
    const fp = fingerprintOf(a, "", { exclude: distinctValues(bOwn) });
    expect([...fp.values].sort()).toEqual(["avery@north.test", "m1"]);
    expect(holds(bOwn, fp)).toBe(false);
    expect(holds(JSON.stringify([{ id: "m1", email: "avery@north.test" }]), fp)).toBe(true);
  });

  it("an empty list or an error body gives nothing to recognise", () => {
    expect(recognisable(fingerprintOf("[]", "x"))).toBe(false);
    expect(recognisable(fingerprintOf(JSON.stringify({ data: [], next: null }), "x"))).toBe(false);
    expect(recognisable(fingerprintOf(JSON.stringify({ error: "forbidden" }), "thr_a1"))).toBe(false);
  });

  it("single lower-case words and timestamps are not distinctive; ids, e-mails and list items are", () => {
    expect([...distinctValues(JSON.stringify({ state: "published", at: "2026-12-06T10:00:00Z", orgId: 7, tags: ["north", "q4-plan"], by: "x@y.test" }))!].sort()).toEqual(["7", "north", "q4-plan", "x@y.test"]);
  });
});

describe("Mann-Whitney U", () => {
  it("matches R's wilcox.test(1:10, 6:15, exact = FALSE, correct = FALSE): W = 12.5, p = 0.004510", () => {
    const t = mannWhitney([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(t.p).toBeCloseTo(0.00451, 5);
    expect(t.effect).toBeCloseTo(2 * 12.5 / 100 - 1, 10);
    expect(t.medianDiff).toBe(-5);
  });

  it("finds no difference between identical samples", () => {
    const t = mannWhitney([5, 5, 5, 5], [5, 5, 5, 5]);
    expect(t.p).toBeCloseTo(1, 6);
    expect([t.effect, t.medianDiff]).toEqual([0, 0]);
  });
});

describe("session-id entropy", () => {
  it("reads random ids near their size, and a counter or a timestamp as guessable", () => {
    const random = Array.from({ length: 20 }, () => randomBytes(24).toString("base64url"));
    expect(estimatedBits(random)).toBeGreaterThan(128);
    expect(estimatedBits(Array.from({ length: 20 }, (_, i) => `sess-${1000 + i}`))).toBeLessThan(10);
    expect(estimatedBits(Array.from({ length: 20 }, (_, i) => String(1765000000000 + i * 37)))).toBeLessThan(24);
  });

  it("drops express-session's signature, which would hide a counter", () => {
    const sig = randomBytes(32).toString("base64").replace(/=+$/, "");
    expect(sessionIdOf(encodeURIComponent(`s:s1001.${sig}`))).toBe("s1001");
  });
});

describe("enumeration bodies", () => {
  it("strips the account, ids, times and nonces, and keeps the words", () => {
    const k = normalisedBody(JSON.stringify({ status: "if an account uses avery@north.test, a link is on its way", requestId: "0b8f5a3e-9c1d-4e2f-8a7b-6c5d4e3f2a1b", at: "2026-12-06T10:00:00.123Z" }), "avery@north.test");
    const u = normalisedBody(JSON.stringify({ status: "if an account uses lb-1a2b@north.test, a link is on its way", requestId: "7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a", at: "2026-12-06T10:00:01.456Z" }), "lb-1a2b@north.test");
    expect(k).toBe(u);
    expect(normalisedBody('{"status":"no account uses this address"}', "x")).not.toBe(normalisedBody('{"status":"a link is on its way"}', "x"));
  });
});

describe("weak signing keys", () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const sign = (alg: string, key: string) => {
    const data = `${b64({ alg, typ: "JWT" })}.${b64({ sub: "u1" })}`;
    return `${data}.${createHmac(alg === "HS512" ? "sha512" : alg === "HS384" ? "sha384" : "sha256", key).update(data).digest("base64url")}`;
  };

  it("finds a listed key by its index, for each HMAC algorithm, and not a random one", () => {
    const list = weakSecrets();
    expect(list.length).toBe(103979);
    for (const [alg, i] of [["HS256", 39], ["HS384", 77777], ["HS512", 0]] as const) expect(crackHmac(sign(alg, list[i]))?.index).toBe(i);
    expect(crackHmac(sign("HS256", randomBytes(32).toString("hex")))).toBeUndefined();
    expect(crackHmac(`${b64({ alg: "RS256" })}.${b64({})}.x`)).toBeUndefined();
  });
});
