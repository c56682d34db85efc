import { detectSecrets } from "../secrets/detector";
import type { CapturedResource, Violation } from "./types";
import { isSecretValue as isSecretWire, SECRET_SIG, SIG, UNKNOWN } from "./wire";

/** The plan's own check, in the catalogue beside the pack's rules (policies cannot see outputs). */
export const STACK_OUTPUTS_SECRET = {
  id: "stack-outputs-secret",
  severity: "critical",
  description: "No stack output may carry a secret without being marked secret: the Pulumi service shows outputs to anyone who can read the stack.",
  remediation: "Export the value with pulumi.secret(...), or do not export it; rotate it if it was ever shown.",
  references: [
    { standard: "OWASP API Security Top 10 2023" as const, id: "API8:2023", title: "Security Misconfiguration", url: "https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/" },
    { standard: "OWASP ASVS 4.0.3" as const, id: "V6.4.1", title: "Secrets are managed in a key vault", url: "https://owasp.org/www-project-application-security-verification-standard/" },
  ],
  runbook: "secret-exposed",
};


// Where secret values live. Other secret-marked inputs are not all secrets: the AWS SDK marks
// every SSM parameter value secret, plain settings included.
const SECRET_VALUE_FIELDS: Record<string, readonly string[]> = {
  "aws:secretsmanager/secretVersion:SecretVersion": ["secretString", "secretBinary"],
};

function secretStrings(v: unknown, inSecret: boolean, out: Set<string>): void {
  if (typeof v === "string") {
    // Short values would match by accident; real secrets and their placeholders are longer.
    if (inSecret && v.length >= 8 && v !== UNKNOWN) out.add(v);
  } else if (Array.isArray(v)) v.forEach((x) => secretStrings(x, inSecret, out));
  else if (v && typeof v === "object") {
    const secret = inSecret || isSecretWire(v);
    for (const x of Object.values(v)) secretStrings(x, secret, out);
  }
}

/**
 * Stack outputs that carry a secret without being marked secret: a value stored in the secret
 * store or set as a config secret, or one the detector recognises. The Pulumi service would show
 * such an output to anyone who can read the stack. Offending values are replaced by secret
 * markers in the returned outputs, so no report prints them.
 */
export function unmarkedSecretOutputs(outputs: Record<string, unknown>, resources: readonly CapturedResource[], configSecrets: readonly string[], stackUrn: string | null): { outputs: Record<string, unknown>; violations: Violation[] } {
  const known = new Set<string>(configSecrets.filter((s) => s.length >= 8));
  for (const r of resources) for (const field of (Object.hasOwn(SECRET_VALUE_FIELDS, r.type) ? SECRET_VALUE_FIELDS[r.type] : [])) secretStrings(r.inputs[field], true, known);
  const violations: Violation[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (isSecretWire(v) || v === UNKNOWN) return v;
    if (typeof v === "string") {
      const leaked = [...known].some((s) => v.includes(s)) || detectSecrets(v, path.split(/[.[\]]/).filter(Boolean).pop(), { deployed: true }).length > 0;
      if (!leaked) return v;
      violations.push({ policy: STACK_OUTPUTS_SECRET.id, enforcementLevel: "mandatory", severity: STACK_OUTPUTS_SECRET.severity, urn: stackUrn, message: `output ${path} carries a secret value but is not marked secret (value not shown). Fix: export it with pulumi.secret(...), or do not export it.` });
      return { [SIG]: SECRET_SIG, value: "" };
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, `${path}.${k}`)]));
    return v;
  };
  const masked = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, walk(v, k)]));
  return { outputs: masked, violations };
}
