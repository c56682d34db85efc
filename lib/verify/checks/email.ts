import { parseDkimKey } from "../../email/dkim";
import { externalReportAuthorization, isEnforcing, parseDmarc } from "../../email/dmarc";
import { countLookups, isSpfRecord, lintSpf } from "../../email/spf";
import { mxCovered, parseMtaStsPolicy } from "../../email/mta-sts";
import { addresses, mx, txt } from "../dns-lookup";
import { fetchOnce, lookupHost } from "../http";
// eslint-disable-next-line @typescript-eslint/no-require-imports
// Loaded when the check runs: mailauth costs a third of verify's start-up, and most runs send no mail.
const spf = (opts: unknown): Promise<unknown> => (require("mailauth/lib/spf") as { spf: (opts: unknown) => Promise<unknown> }).spf(opts);
import type { Check } from "../types";

export const emailSpf: Check = {
  id: "email.spf",
  needs: "domain",
  area: "Email security",
  runbook: "email-deliverability",
  async run(ctx) {
    const records = (await txt(ctx.resolver, ctx.domain)).filter(isSpfRecord);
    if (records.length === 0) return { status: "fail", summary: `${ctx.domain} publishes no SPF record`, evidence: [] };
    if (records.length > 1) return { status: "fail", summary: `${ctx.domain} publishes ${records.length} SPF records (permerror)`, evidence: records };
    const lint = lintSpf(records[0], { requireFail: true });
    const count = await countLookups(ctx.domain, { txt: (n) => txt(ctx.resolver, n).then((v) => (v.length ? v : undefined)), mx: (n) => mx(ctx.resolver, n).then((v) => (v.length ? v : undefined)), a: (n) => addresses(ctx.resolver, n).then((v) => (v.length ? v : undefined)) });
    // mailauth evaluates the record as a receiver would, for an address no sender uses, so every
    // term is followed; its lookup counts stand beside ours.
    const evaluated = (await spf({ sender: `postmaster@${ctx.domain}`, ip: "198.51.100.254", helo: `mail.${ctx.domain}`, mta: "verify.launch-baseline", resolver: ((name: string, rr: string) => ctx.resolver.resolve(name, rr)) as never } as never)) as { status: { result: string }; lookups?: { count: number; void: number } };
    const evidence = [records[0], `${count.lookups} DNS lookups, ${count.voidLookups} void`, `mailauth: ${evaluated.status.result} for an unlisted sender, ${evaluated.lookups?.count ?? "?"} lookups, ${evaluated.lookups?.void ?? "?"} void`, ...lint.map((l) => `${l.severity}: ${l.message}`)];
    if (evaluated.status.result === "permerror" || evaluated.status.result === "temperror") return { status: "fail", summary: `receivers get ${evaluated.status.result} evaluating the record`, evidence };
    if (count.error || lint.some((l) => l.severity === "error")) return { status: "fail", summary: count.error ?? lint.find((l) => l.severity === "error")!.message, evidence };
    if (lint.length) return { status: "warn", summary: lint[0].message, evidence };
    return { status: "pass", summary: `SPF ends in -all within ${count.lookups} of 10 lookups`, evidence };
  },
};

export const emailDmarc: Check = {
  id: "email.dmarc",
  needs: "domain",
  area: "Email security",
  runbook: "email-deliverability",
  async run(ctx) {
    const records = (await txt(ctx.resolver, `_dmarc.${ctx.domain}`)).filter((v) => /^v=DMARC1/i.test(v));
    if (records.length !== 1) return { status: "fail", summary: records.length ? `${records.length} DMARC records` : `no DMARC record at _dmarc.${ctx.domain}`, evidence: records };
    const parsed = parseDmarc(records[0]);
    if (!parsed.record) return { status: "fail", summary: parsed.errors[0], evidence: records };
    const evidence = [records[0]];
    for (const uri of [...parsed.record.rua, ...parsed.record.ruf]) {
      const auth = externalReportAuthorization(ctx.domain, uri);
      if (!auth) continue;
      const published = (await txt(ctx.resolver, auth.name)).some((v) => /^v=DMARC1/i.test(v));
      evidence.push(`${auth.name}: ${published ? "authorizes reports" : "missing"}`);
      if (!published) return { status: "fail", summary: `reports to ${uri} are not authorized: ${auth.name} must publish "v=DMARC1"`, evidence };
    }
    if (!isEnforcing(parsed.record)) return { status: "warn", summary: `DMARC does not enforce (p=${parsed.record.p}); move to quarantine or reject`, evidence };
    if (parsed.record.rua.length === 0) return { status: "warn", summary: "DMARC enforces but nobody receives aggregate reports", evidence };
    return { status: "pass", summary: `DMARC p=${parsed.record.p}, reports to ${parsed.record.rua.join(", ")}`, evidence };
  },
};

export const emailDkim: Check = {
  id: "email.dkim",
  needs: "domain",
  area: "Email security",
  runbook: "email-deliverability",
  async run(ctx) {
    if (ctx.dkimSelectors.length === 0) return { status: "skip", summary: "no DKIM selector configured to check", evidence: [] };
    const evidence: string[] = [];
    let worst: "pass" | "fail" = "pass";
    for (const selector of ctx.dkimSelectors) {
      const name = `${selector}._domainkey.${ctx.domain}`;
      const [value] = await txt(ctx.resolver, name);
      const parsed = value ? parseDkimKey(value) : undefined;
      if (!parsed?.record) worst = "fail";
      evidence.push(`${name}: ${!value ? "no key published" : parsed?.record ? `RSA ${parsed.record.bits} bits` : parsed?.errors[0]}`);
    }
    return worst === "pass" ? { status: "pass", summary: `every selector publishes a key of at least 2048 bits`, evidence } : { status: "fail", summary: "a DKIM selector has no valid 2048-bit key", evidence };
  },
};

export const emailTlsRpt: Check = {
  id: "email.tls-rpt",
  needs: "domain",
  area: "Email security",
  runbook: "email-deliverability",
  async run(ctx) {
    if ((await mx(ctx.resolver, ctx.domain)).length === 0) return { status: "skip", summary: `${ctx.domain} receives no mail (no MX)`, evidence: [] };
    const records = (await txt(ctx.resolver, `_smtp._tls.${ctx.domain}`)).filter((v) => /^v=TLSRPTv1/.test(v));
    if (records.length !== 1) return { status: "warn", summary: "no TLS-RPT record: failures of mail delivery over TLS go unreported", evidence: records };
    return /rua=(mailto:|https:)/.test(records[0]) ? { status: "pass", summary: "TLS-RPT reports are requested", evidence: records } : { status: "fail", summary: "TLS-RPT record has no valid rua", evidence: records };
  },
};

export const emailMtaSts: Check = {
  id: "email.mta-sts",
  needs: "domain",
  area: "Email security",
  runbook: "email-deliverability",
  async run(ctx) {
    const mxHosts = await mx(ctx.resolver, ctx.domain);
    if (mxHosts.length === 0) return { status: "skip", summary: `${ctx.domain} receives no mail (no MX)`, evidence: [] };
    const records = (await txt(ctx.resolver, `_mta-sts.${ctx.domain}`)).filter((v) => /^v=STSv1/.test(v));
    if (records.length !== 1 || !/;\s*id=[A-Za-z0-9]{1,32}\s*;?$/.test(records[0])) return { status: "fail", summary: `no valid MTA-STS record at _mta-sts.${ctx.domain}`, evidence: records };
    // Production serves the policy on 443; --resolve mta-sts.<domain>:<port>:<addr> points elsewhere.
    const policyHost = `mta-sts.${ctx.domain}`;
    const port = [...ctx.resolve.keys()].find((k) => k.startsWith(`${policyHost}:`))?.split(":")[1] ?? "443";
    const url = `https://${policyHost}${port === "443" ? "" : `:${port}`}/.well-known/mta-sts.txt`;
    const res = await fetchOnce(url, { ca: ctx.ca, resolve: ctx.resolve, lookupHost: (h) => lookupHost(ctx, h), timeoutMs: ctx.timeoutMs, maxBodyBytes: 64 * 1024 });
    const evidence = [records[0], `GET ${url} -> ${res.status}`];
    if (res.status !== 200) return { status: "fail", summary: `the policy is not served at ${url}`, evidence };
    const policy = parseMtaStsPolicy(res.body);
    if (policy.errors.length) return { status: "fail", summary: `the policy is invalid: ${policy.errors[0]}`, evidence };
    const uncovered = mxHosts.filter((h) => !mxCovered(h, policy.mx));
    evidence.push(`mode ${policy.mode}, mx ${policy.mx.join(", ")}, max_age ${policy.maxAge}`);
    if (uncovered.length) return { status: "fail", summary: `MX hosts not covered by the policy: ${uncovered.join(", ")}`, evidence };
    return policy.mode === "enforce" ? { status: "pass", summary: "MTA-STS enforces TLS for every MX host", evidence } : { status: "warn", summary: `MTA-STS is in ${policy.mode} mode`, evidence };
  },
};
