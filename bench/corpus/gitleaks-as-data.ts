import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { entropy } from "../../lib/secrets/rules/types";
import type { ForeignRule } from "./types";

// gitleaks' default rules run as data, with gitleaks' own semantics for one text: a keyword must
// appear (case-insensitive), the regex matches, the secret is the secretGroup or else the first
// non-empty group, it must reach the rule's entropy, and the rule's and the global allowlists
// (regexes on the secret, the match or the line; stopwords in the secret) let it go.

interface RuleFile {
  readonly source: { repo: string; commit: string; path: string; licence: string };
  readonly rules: ForeignRule[];
  readonly skipped: string[];
  readonly global: { regexes: Array<{ source: string; flags: string }>; stopwords: string[] };
}

interface Compiled {
  readonly rule: ForeignRule;
  readonly regex: RegExp;
  readonly allow: ReadonlyArray<{ regex: RegExp; target: string }>;
}

export interface GitleaksAsData {
  readonly source: RuleFile["source"];
  readonly ported: number;
  readonly skipped: readonly string[];
  readonly rules: readonly ForeignRule[];
  /** The rule ids that fire on the text. */
  findings(text: string): string[];
}

export function loadGitleaks(): GitleaksAsData {
  const file = JSON.parse(gunzipSync(readFileSync(join(__dirname, "gitleaks-rules.json.gz"))).toString("utf8")) as RuleFile;
  const re = (r: { source: string; flags: string }, extra = "") => new RegExp(r.source, r.flags + extra);
  const rules: Compiled[] = file.rules.map((rule) => ({ rule, regex: re(rule.regex, "g"), allow: rule.allow.map((a) => ({ regex: re(a.regex), target: a.target })) }));
  const globalRegexes = file.global.regexes.map((r) => re(r));
  const globalStop = file.global.stopwords.map((s) => s.toLowerCase());
  const allowed = (c: Compiled, secret: string, match: string, line: string) => {
    if (globalRegexes.some((r) => r.test(secret)) || globalStop.some((s) => secret.toLowerCase().includes(s))) return true;
    if (c.rule.stopwords.some((s) => secret.toLowerCase().includes(s.toLowerCase()))) return true;
    return c.allow.some((a) => a.regex.test(a.target === "match" ? match : a.target === "line" ? line : secret));
  };
  return {
    source: file.source,
    ported: rules.length,
    skipped: file.skipped,
    rules: file.rules,
    findings(text) {
      const lower = text.toLowerCase();
      const out: string[] = [];
      for (const c of rules) {
        if (c.rule.keywords.length && !c.rule.keywords.some((k) => lower.includes(k))) continue;
        c.regex.lastIndex = 0;
        for (let m = c.regex.exec(text); m; m = c.regex.exec(text)) {
          if (m[0] === "") c.regex.lastIndex++;
          const secret = (c.rule.secretGroup ? m[c.rule.secretGroup] : m.slice(1).find((g) => g)) ?? m[0];
          if (c.rule.entropy !== undefined && entropy(secret) < c.rule.entropy) continue;
          const lineStart = text.lastIndexOf("\n", m.index) + 1;
          const lineEnd = text.indexOf("\n", m.index + m[0].length);
          if (allowed(c, secret, m[0], text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))) continue;
          out.push(c.rule.id);
          break;
        }
      }
      return out;
    },
  };
}
