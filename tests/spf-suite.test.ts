import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { countLookups, isSpfRecord, parseSpf, type SpfResolver } from "../lib/email/spf";
import { SPF_SUITE, skipWithout, titled } from "./helpers/servers";

// The OpenSPF RFC 7208 conformance suite, as Debian's python3-spf ships it. tests/setup/
// debian-test-data.sh unpacks it (CI runs that script); it is never committed.

type Entry = Record<string, unknown> | string;
interface Case {
  section: string;
  name: string;
  spec: string;
  domain: string;
  results: string[];
  zone: Map<string, Entry[]>;
}

function loadSuite(): Case[] {
  const text = gunzipSync(readFileSync(SPF_SUITE.path!)).toString("latin1");
  const cases: Case[] = [];
  for (const doc of parseAllDocuments(text)) {
    const d = doc.toJS() as { description: string; tests: Record<string, { spec: string | string[]; helo: string; mailfrom: string; result: string | string[] }>; zonedata?: Record<string, Entry[]> } | null;
    if (!d?.tests) continue;
    const zone = new Map(Object.entries(d.zonedata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [name, t] of Object.entries(d.tests)) {
      const domain = (t.mailfrom.includes("@") ? t.mailfrom.split("@").pop()! : t.helo).toLowerCase();
      cases.push({ section: d.description, name, spec: String(t.spec), domain, results: [t.result].flat(), zone });
    }
  }
  return cases;
}

const str = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v));

/** The suite's drivers serve SPF-type records as TXT unless the name has TXT records of its own. */
function spfRecords(zone: Map<string, Entry[]>, name: string): string[] {
  const entries = (zone.get(name) ?? []).filter((e): e is Record<string, unknown> => typeof e === "object");
  const txt = entries.filter((e) => "TXT" in e).map((e) => str(e.TXT));
  const values = txt.length ? txt : entries.filter((e) => "SPF" in e).map((e) => str(e.SPF));
  return values.filter(isSpfRecord);
}

function resolverFor(zone: Map<string, Entry[]>): SpfResolver {
  const values = (name: string, type: string) => {
    const entries = (zone.get(name.toLowerCase().replace(/\.$/, "")) ?? []).filter((e): e is Record<string, unknown> => typeof e === "object" && type in e);
    return entries.length ? entries.map((e) => e[type]) : undefined;
  };
  return {
    txt: async (n) => {
      const txt = values(n, "TXT")?.map(str) ?? values(n, "SPF")?.map(str);
      return txt;
    },
    mx: async (n) => values(n, "MX")?.map((v) => String((v as unknown[])[1])),
    a: async (n) => [...(values(n, "A") ?? []), ...(values(n, "AAAA") ?? [])].map(String),
  };
}

// Static counting is the worst case over all senders. The suite's pass here depends on the
// sender matching ip4 before the eleventh lookup is reached, which a count cannot know.
const NOT_APPLICABLE: Record<string, string> = { "include-at-limit": "result depends on evaluation order for one sender IP" };

// Permerrors that come from what a record points at, not from the record itself.
const TARGET_FAILURES = new Set(["include-permerror", "include-none", "redirect-none"]);
const VERDICTS = ["pass", "fail", "softfail", "neutral"];

describe.skipIf(skipWithout(SPF_SUITE))(titled("RFC 7208 conformance suite (OpenSPF 2014.04)", SPF_SUITE), () => {
  const cases = SPF_SUITE.path ? loadSuite() : [];
  const single = cases.filter((c) => spfRecords(c.zone, c.domain).length === 1);
  const limits = cases.filter((c) => c.spec.startsWith("4.6.4") && !(c.name in NOT_APPLICABLE));
  const invalid = single.filter((c) => c.results.length === 1 && c.results[0] === "permerror" && !TARGET_FAILURES.has(c.name) && !c.spec.startsWith("4.6.4"));
  const valid = single.filter((c) => c.results.some((r) => VERDICTS.includes(r)) && !c.results.includes("permerror"));

  it("is there: 203 cases", () => {
    expect(cases.length).toBe(203);
  });

  it("every record the suite rejects for its syntax is rejected by parseSpf", () => {
    const missed = invalid.filter((c) => parseSpf(spfRecords(c.zone, c.domain)[0]).errors.length === 0).map((c) => `${c.name}: ${JSON.stringify(spfRecords(c.zone, c.domain)[0])}`);
    console.log(`RFC 7208 suite, syntax errors: ${invalid.length} cases apply, ${invalid.length - missed.length} pass`);
    expect(missed).toEqual([]);
  });

  it("every record the suite evaluates to a verdict parses without error", () => {
    const wrong = valid.map((c) => ({ c, errors: parseSpf(spfRecords(c.zone, c.domain)[0]).errors })).filter((x) => x.errors.length > 0).map((x) => `${x.c.name}: ${x.errors.join("; ")}`);
    console.log(`RFC 7208 suite, valid records: ${valid.length} cases apply, ${valid.length - wrong.length} pass`);
    expect(wrong).toEqual([]);
  });

  it("lookup counting stops exactly where the processing limits say", async () => {
    const wrong: string[] = [];
    for (const c of limits) {
      const count = await countLookups(c.domain, resolverFor(c.zone));
      const expectError = c.results.length === 1 && c.results[0] === "permerror";
      const mayError = c.results.includes("permerror");
      if (expectError ? !count.error : !mayError && count.error) wrong.push(`${c.name}: expected ${c.results.join("/")}, counted ${JSON.stringify(count)}`);
    }
    console.log(`RFC 7208 suite, processing limits: ${limits.length} cases apply, ${limits.length - wrong.length} pass`);
    expect(wrong).toEqual([]);
  });
});
