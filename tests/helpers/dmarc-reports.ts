import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";

// Aggregate reports in the shapes the big mailbox providers send, made from RFC 7489 appendix C
// and each provider's published samples: Google (zip, no namespace, extra_contact_info), Microsoft
// (gzip, xsi namespaces and <version>, envelope_to), Yahoo (gzip, several records per source),
// a prefixed namespace (dmarc:feedback), and DMARCbis (urn:ietf:params:xml:ns:dmarc-2.0, no pct).

export type Flavour = "google" | "microsoft" | "yahoo" | "prefixed" | "dmarcbis";

export interface Row {
  readonly ip: string;
  readonly count: number;
  readonly dkim: "pass" | "fail";
  readonly spf: "pass" | "fail";
  readonly headerFrom?: string;
  readonly envelopeFrom?: string;
  readonly dkimAuth?: ReadonlyArray<{ domain: string; selector?: string; result: string }>;
  readonly spfAuth?: ReadonlyArray<{ domain: string; result: string }>;
}

export interface ReportSpec {
  readonly flavour: Flavour;
  readonly id: string;
  readonly begin: number;
  readonly days?: number;
  readonly p?: "none" | "quarantine" | "reject";
  readonly pct?: number;
  readonly rows: readonly Row[];
}

const ORG: Record<Flavour, [string, string]> = {
  google: ["google.com", "noreply-dmarc-support@google.com"],
  microsoft: ["Enterprise Outlook", "dmarcreport@microsoft.com"],
  yahoo: ["Yahoo", "dmarchelp@yahooinc.com"],
  prefixed: ["Mail.example.net", "dmarc@mail.example.net"],
  dmarcbis: ["mx.example.org", "dmarc-reports@example.org"],
};

export function reportXml(spec: ReportSpec): string {
  const f = spec.flavour;
  const t = (name: string, body: string) => (f === "prefixed" ? `<dmarc:${name}>${body}</dmarc:${name}>` : `<${name}>${body}</${name}>`);
  const end = spec.begin + (spec.days ?? 1) * 86400 - 1;
  const [org, email] = ORG[f];
  const meta = t("report_metadata", t("org_name", org) + t("email", email) + (f === "google" ? t("extra_contact_info", "https://support.google.com/a/answer/2466580") : "") + t("report_id", spec.id) + t("date_range", t("begin", String(spec.begin)) + t("end", String(end))));
  const policy = t("policy_published", t("domain", "example.com") + (f === "dmarcbis" ? t("discovery_method", "treewalk") : "") + t("adkim", "r") + t("aspf", "r") + t("p", spec.p ?? "none") + t("sp", spec.p ?? "none") + (f === "dmarcbis" ? t("np", "reject") + t("testing", "n") : t("pct", String(spec.pct ?? 100))) + (f === "microsoft" ? t("fo", "0") : ""));
  const record = (r: Row) =>
    t(
      "record",
      t("row", t("source_ip", r.ip) + t("count", String(r.count)) + t("policy_evaluated", t("disposition", spec.p && spec.p !== "none" && r.dkim === "fail" && r.spf === "fail" ? spec.p : "none") + t("dkim", r.dkim) + t("spf", r.spf))) +
        t("identifiers", (f === "microsoft" ? t("envelope_to", "example.net") : "") + (r.envelopeFrom ? t("envelope_from", r.envelopeFrom) : "") + t("header_from", r.headerFrom ?? "example.com")) +
        t("auth_results", (r.dkimAuth ?? []).map((d) => t("dkim", t("domain", d.domain) + (d.selector ? t("selector", d.selector) : "") + t("result", d.result))).join("") + (r.spfAuth ?? []).map((s) => t("spf", t("domain", s.domain) + t("scope", "mfrom") + t("result", s.result))).join("")),
    );
  // Yahoo splits a source's messages over several records.
  const rows = f === "yahoo" ? spec.rows.flatMap((r) => (r.count > 1 ? [{ ...r, count: Math.floor(r.count / 2) }, { ...r, count: r.count - Math.floor(r.count / 2) }] : [r])) : spec.rows;
  const open = { google: "<feedback>", microsoft: '<feedback xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">', yahoo: "<feedback>", prefixed: '<dmarc:feedback xmlns:dmarc="http://dmarc.org/dmarc-xml/0.1">', dmarcbis: '<feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0">' }[f];
  const version = f === "microsoft" || f === "dmarcbis" ? "<version>1.0</version>" : "";
  return `<?xml version="1.0" encoding="UTF-8" ?>\n${open}\n  ${version}${meta}\n  ${policy}\n  ${rows.map(record).join("\n  ")}\n${f === "prefixed" ? "</dmarc:feedback>" : "</feedback>"}\n`;
}

/** Writes the report as its provider mails it: Google zip, Microsoft and Yahoo gzip, the others XML. */
export function writeReport(dir: string, spec: ReportSpec): string {
  mkdirSync(dir, { recursive: true });
  const end = spec.begin + (spec.days ?? 1) * 86400 - 1;
  const base = `${ORG[spec.flavour][0].replace(/\s+/g, "").toLowerCase()}!example.com!${spec.begin}!${end}`;
  const xml = reportXml(spec);
  const [name, data] = spec.flavour === "google" ? [`${base}-${spec.id}.zip`, zipSync({ [`${base}.xml`]: Buffer.from(xml) })] : spec.flavour === "microsoft" || spec.flavour === "yahoo" ? [`${base}-${spec.id}.xml.gz`, gzipSync(xml)] : [`${base}-${spec.id}.xml`, Buffer.from(xml)];
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}
