import { createHash } from "node:crypto";

// The test corpus's randomness, drawn from a seed: every run renders the same credentials and
// look-alikes, so a draw the detector refuses by chance (a value that spells a word, a run of
// seven in a row) cannot fail one run in fifty and pass the next. TEST_SEED draws another corpus,
// to look for such draws on purpose; a failure names the seed it ran with.

export const TEST_SEED = process.env.TEST_SEED ?? "launch-baseline";

let counter = 0;
let pool = Buffer.alloc(0);

/** `n` bytes from SHA-256 of the seed and a counter: the same sequence in every run of a file. */
export function randomBytes(n: number): Buffer {
  while (pool.length < n) pool = Buffer.concat([pool, createHash("sha256").update(`${TEST_SEED}:${counter++}`).digest()]);
  const out = pool.subarray(0, n);
  pool = pool.subarray(n);
  return Buffer.from(out);
}

/** A version 4 UUID from the seeded bytes. */
export function randomUUID(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
