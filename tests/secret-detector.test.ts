import { describe, expect, it } from "vitest";
import { detectSecrets, mask, scanText } from "../lib/secrets/detector";
import { credentials, lookAlikes } from "./helpers/secret-corpus";

describe("secret detector", () => {
  it.each(credentials().map((s) => [s.kind, s] as const))("finds %s, by value under its name, and in text", (kind, s) => {
    expect(detectSecrets(s.value, s.name).map((f) => f.kind)).toContain(kind);
    expect(scanText(`# config\n${s.text}\n`).map((f) => f.kind)).toContain(kind);
  });

  it.each(lookAlikes().map((s) => [s.kind, s] as const))("does not report a look-alike: %s", (_kind, s) => {
    expect(detectSecrets(s.value, s.name)).toEqual([]);
    expect(scanText(s.text)).toEqual([]);
  });

  it("never returns the value, and masks without revealing a character", () => {
    const s = credentials()[0];
    expect(JSON.stringify(detectSecrets(s.value, s.name))).not.toContain(s.value.slice(4));
    expect(mask(s.value)).toBe(`[${s.value.length} characters, masked]`);
  });
});
