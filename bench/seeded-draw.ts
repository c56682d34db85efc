import { createHash } from "node:crypto";

/**
 * A seeded integer draw for randexp (`randInt(a, b)`), so a bench renders the same samples in
 * every run: SHA-256 of the seed and a counter. (A cheaper hash of `seed:1`, `seed:2`, … gave
 * neighbouring draws neighbouring values, runs like `nopqrs` that any detector calls filler.)
 */
export function seededDraw(seed: string): (a: number, b: number) => number {
  let counter = 0;
  return (a, b) => a + (createHash("sha256").update(`${seed}:${counter++}`).digest().readUInt32BE(0) % (b - a + 1));
}
