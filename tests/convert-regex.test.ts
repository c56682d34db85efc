import { describe, expect, it } from "vitest";
import { loadGitleaks } from "../bench/corpus/gitleaks-as-data";
import { convertRegex } from "../bench/corpus/convert-regex";

// The bench runs gitleaks' and Nosey Parker's own patterns: Go's and Rust's regex syntax said in
// a JavaScript RegExp on Node 20, which has no inline modifier groups.

const re = (pattern: string) => {
  const c = convertRegex(pattern);
  if (c instanceof Error) throw c;
  return new RegExp(c.source, c.flags);
};

describe("Go and Rust regexes as JavaScript", () => {
  it("takes a leading (?i) as the i flag", () => {
    expect(re("(?i)token=([a-z]+)").exec("TOKEN=Abc")?.[1]).toBe("Abc");
  });

  it("makes a scoped (?i:…) group case-free by hand, in and out of classes", () => {
    const r = re("key-(?i:ab[c-e])");
    expect(["key-ABD", "key-abE", "key-aBc"].map((s) => r.test(s))).toEqual([true, true, true]);
    expect(r.test("KEY-abc")).toBe(false);
  });

  it("widens a (?-i:…) group inside a case-insensitive pattern, never narrows it", () => {
    const r = re("(?i)x(?-i:Api)y");
    expect(r.test("XApiY")).toBe(true);
    expect(r.test("xapiy")).toBe(true);
  });

  it("lets (?s:.) cross line ends", () => {
    expect(re("a(?s:.){0,3}b").test("a\n\nb")).toBe(true);
  });

  it("strips an (?x) pattern's whitespace and comments, but not inside classes or escapes", () => {
    const r = re("(?x)(?i)\n  secret   # the word\n  [\\ =]+\n  ([0-9a-f]{4})\n");
    expect(r.exec("SECRET = beef")?.[1]).toBe("beef");
  });

  it("says \\z and named groups the JavaScript way", () => {
    const r = re("(?P<v>[0-9]+)\\z");
    expect(r.exec("abc 42")?.groups?.v).toBe("42");
  });

  it("ports all of gitleaks' rules that have a regex", () => {
    const g = loadGitleaks();
    expect(g.ported).toBe(221);
    expect(g.skipped).toEqual(["pkcs12-file"]);
  });
});
