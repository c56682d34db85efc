import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editedStacks, runPlan } from "./helpers/run-plan";

// Bad email configuration: exit 2, one message naming the key, the bad value and the fix.

const EMAIL = "  launch-baseline:email:\n";

async function refused(stack: string, edit: (y: string) => string, problem: string) {
  const dir = editedStacks(stack, edit);
  const r = await runPlan(["--stack", stack, "--stacks-dir", dir]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(`error: Invalid configuration for stack "${stack}" (${join(dir, `Pulumi.${stack}.yaml`)}):\n  - ${problem.replaceAll("FILE", join(dir, `Pulumi.${stack}.yaml`))}\n`);
}

const FIX = "Fix: edit launch-baseline:email in FILE (example: {senders: [{provider: amazon-ses}], dmarc: {rua: [mailto:dmarc@example.com]}})";

describe("email configuration errors", () => {
  it("an unknown provider", async () => {
    await refused("staging", (y) => y.replace("      - provider: amazon-ses", "      - provider: amazon-sez"), `launch-baseline:email.senders[0].provider = "amazon-sez": must be one of amazon-ses, google-workspace, sendgrid, postmark, mailgun, resend, custom. ${FIX}`);
  });

  it("a malformed IP address", async () => {
    await refused("prod", (y) => y.replace("          - 203.0.113.25", "          - 203.0.113.256"), `launch-baseline:email.senders[2].ip4[0] = "203.0.113.256": must be an IPv4 address or network such as 203.0.113.25 or 203.0.113.0/24. ${FIX}`);
  });

  it("a report address that is not mailto:", async () => {
    await refused("staging", (y) => y.replace("        - mailto:dmarc-reports@example.com", "        - https://reports.example.com/dmarc"), `launch-baseline:email.dmarc.rua[0] = "https://reports.example.com/dmarc": must be a mailto: address such as mailto:dmarc-reports@example.com. ${FIX}`);
  });

  it("an SPF record over 10 lookups", async () => {
    const many = ["sendgrid", "postmark", "mailgun"].map((p) => `      - provider: ${p}\n`).join("") + "      - provider: custom\n        name: crm\n        includes:\n          - domain: spf.crm.example.net\n            lookups: 3\n";
    await refused(
      "prod",
      (y) => y.replace("      - provider: custom\n        name: app-relay", `${many}      - provider: custom\n        name: app-relay`),
      `launch-baseline:email.senders = [{"provider":"amazon-ses"},{"provider":"google-workspace","dkim":{"selector":...: would make the SPF record at example.com spend 11 DNS lookups (google-workspace 4, sendgrid 1, postmark 1, mailgun 2, crm 3, app-relay 0); receivers stop at 10 and then fail every message. Remove a sender, or list its ip4/ip6 ranges instead of an include. ${FIX}`,
    );
  });

  it("a DKIM key under 2048 bits", async () => {
    // Made at run time: no key material lives in the repository.
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
    await refused("prod", (y) => y.replace(/publicKey: \S+/, `publicKey: ${weak}`), `launch-baseline:email.senders[1].dkim.publicKey = "${weak.slice(0, 76)}...: is a 1024-bit RSA key; DKIM keys need at least 2048 bits: ask the provider for a 2048-bit key. ${FIX}`);
  });

  it("softfail SPF outside dev", async () => {
    await refused("staging", (y) => y.replace(EMAIL, `${EMAIL}    spfAll: "~all"\n`), `launch-baseline:email.spfAll = "~all": must be "-all" in staging and prod; "~all" (softfail) is for dev only. ${FIX}`);
  });

  it("receiving mail without a TLS-RPT address", async () => {
    await refused("prod", (y) => y.replace(/    tlsRpt:\n.*\n/, ""), `launch-baseline:email.tlsRpt is required when the zone receives mail (mx is set): list a mailto: address for TLS reports. ${FIX}`);
  });
});
