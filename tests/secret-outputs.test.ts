import { describe, expect, it } from "vitest";
import { unmarkedSecretOutputs } from "../lib/plan/secret-outputs";
import { credentials } from "./helpers/secret-corpus";

// Stack outputs are deployed values: an output under a password's name is a password however
// weak, as in the gate's no-exposed-secrets; what names or points to a secret is no secret.

const STACK = "urn:pulumi:prod::launch-baseline::pulumi:pulumi:Stack::launch-baseline-prod";

describe("stack outputs that carry a secret", () => {
  it("flags a weak password under a password's name and a provider key anywhere, and masks both", () => {
    const token = credentials().find((c) => c.kind === "github-token")!.value;
    const weak = ["admin", "123"].join("");
    const { outputs, violations } = unmarkedSecretOutputs({ db: { password: weak, passwordSecretName: "prod/db-password", host: "db.internal" }, ciToken: token, smtpPassword: "${SMTP_PASSWORD}" }, [], [], STACK);
    expect(violations.map((v) => v.message)).toEqual([
      "output db.password carries a secret value but is not marked secret (value not shown). Fix: export it with pulumi.secret(...), or do not export it.",
      "output ciToken carries a secret value but is not marked secret (value not shown). Fix: export it with pulumi.secret(...), or do not export it.",
    ]);
    expect(JSON.stringify(outputs)).not.toContain(weak);
    expect(JSON.stringify(outputs)).not.toContain(token);
    expect((outputs.db as Record<string, unknown>).host).toBe("db.internal");
  });
});
