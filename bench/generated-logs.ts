import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { EVENTS } from "../lib/logs/vocabulary";

// A security-log export of a given size in the contract's format: the vocabulary's events with
// realistic fields, and every PLANT_EVERY events one that holds what must never be logged (a
// password field, a JWT, a card number), built at run time so no such value is committed.

export const PLANT_EVERY = 50_000;
const NAMES = Object.keys(EVENTS);
const PATHS = ["/api/auth/login", "/api/posts", "/api/orgs/7/members", "/api/me", "/api/posts/lookup", "/api/invites"];

function planted(i: number): Record<string, unknown> {
  const b64 = (n: number) => randomBytes(n).toString("base64url");
  switch (i % 3) {
    case 0:
      return { password: b64(12) };
    case 1:
      return { note: `token ${["eyJhbGciOiJIUzI1NiJ9", Buffer.from(JSON.stringify({ sub: `u-${i}`, exp: 1796000000 })).toString("base64url"), b64(32)].join(".")}` };
    default: {
      // A Luhn-valid test card number: 15 random digits and the check digit.
      const body = `4${Array.from({ length: 14 }, () => Math.floor(Math.random() * 10)).join("")}`;
      let sum = 0;
      for (let k = 0; k < body.length; k++) {
        let d = Number(body[body.length - 1 - k]);
        if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
      }
      return { note: `card ${body}${(10 - (sum % 10)) % 10}` };
    }
  }
}

/** Writes about `bytes` of JSON lines to `file`; resolves with the events and planted lines. */
export async function generateLogs(file: string, bytes: number): Promise<{ events: number; planted: number; bytes: number }> {
  const out = createWriteStream(file);
  let written = 0;
  let events = 0;
  let plants = 0;
  const start = Date.parse("2026-11-30T00:00:00Z");
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 2000; k++, events++) {
      const name = NAMES[events % NAMES.length];
      const user = `u-${(events * 7919) % 100_000}`;
      const extra = events % PLANT_EVERY === PLANT_EVERY - 1 ? (plants++, planted(events)) : {};
      lines.push(JSON.stringify({ datetime: new Date(start + events * 37).toISOString(), appid: "community", event: `${name}:${user}`, level: EVENTS[name].level, description: EVENTS[name].example, source_ip: `198.51.100.${events % 250}`, request_uri: PATHS[events % PATHS.length], request_method: events % 3 ? "POST" : "GET", useragent: "Mozilla/5.0 (X11; Linux x86_64)", ...extra }));
    }
    const chunk = `${lines.join("\n")}\n`;
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { events, planted: plants, bytes: written };
}
