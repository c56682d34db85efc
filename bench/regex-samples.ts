import { createHash } from "node:crypto";
import RandExp from "randexp";

// Random strings a rule set's regex matches (randexp), the same in every run: the breadth benches
// feed them to this detector and to the rule set's own.

/**
 * A seeded integer draw: SHA-256 of the seed and a counter. (A cheaper hash of `seed:1`,
 * `seed:2`, … gave neighbouring draws neighbouring values, runs like `nopqrs` that any detector
 * calls filler.)
 */
function seededDraw(seed: string): (a: number, b: number) => number {
  let counter = 0;
  return (a, b) => a + (createHash("sha256").update(`${seed}:${counter++}`).digest().readUInt32BE(0) % (b - a + 1));
}

/**
 * A generator of strings matching `source` (JavaScript syntax), seeded by `seed`, with unbounded
 * repeats capped at `max`. Word boundaries are dropped (randexp cannot place them) and named
 * groups made plain.
 */
export function regexSampler(source: string, seed: string, max: number): () => string {
  const gen = new RandExp(source.replace(/\\b/g, "").replace(/\(\?<\w+>/g, "("));
  gen.max = max;
  gen.randInt = seededDraw(seed);
  return () => gen.gen();
}
