import { createHash } from "node:crypto";

// MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): the policy file, its id, and the TXT records.

export type MtaStsMode = "enforce" | "testing" | "none";

export function mtaStsPolicy(mode: MtaStsMode, mx: readonly string[], maxAgeSeconds: number): string {
  return ["version: STSv1", `mode: ${mode}`, ...mx.map((h) => `mx: ${h}`), `max_age: ${maxAgeSeconds}`, ""].join("\r\n");
}

/** Changes whenever the policy changes, so senders refetch it (1 to 32 alphanumerics). */
export function mtaStsId(policy: string): string {
  return createHash("sha256").update(policy).digest("hex").slice(0, 20);
}

export function mtaStsRecord(policy: string): string {
  return `v=STSv1; id=${mtaStsId(policy)}`;
}

export function tlsRptRecord(rua: readonly string[]): string {
  return `v=TLSRPTv1; rua=${rua.join(",")}`;
}

export function parseMtaStsPolicy(text: string): { mode?: string; mx: string[]; maxAge?: number; errors: string[] } {
  const fields = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => l.split(/:\s*/, 2) as [string, string]);
  const errors: string[] = [];
  const get = (k: string) => fields.filter(([f]) => f === k).map(([, v]) => v);
  if (get("version")[0] !== "STSv1") errors.push('"version: STSv1" is missing');
  const mode = get("mode")[0];
  if (!["enforce", "testing", "none"].includes(mode)) errors.push(`mode ${JSON.stringify(mode)} is not enforce, testing or none`);
  const maxAge = Number(get("max_age")[0]);
  if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 31557600) errors.push("max_age must be 0 to 31557600 seconds");
  const mx = get("mx");
  if (mode !== "none" && mx.length === 0) errors.push("no mx lines");
  return { mode, mx, maxAge: Number.isInteger(maxAge) ? maxAge : undefined, errors };
}

/** Whether an MX host is covered by the policy's mx patterns (`*.` matches one label). */
export function mxCovered(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return patterns.some((p) => {
    const pat = p.toLowerCase().replace(/\.$/, "");
    return pat.startsWith("*.") ? h.endsWith(pat.slice(1)) && !h.slice(0, -(pat.length - 1)).includes(".") : h === pat;
  });
}
