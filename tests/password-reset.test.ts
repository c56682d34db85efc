import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startImap, type ImapServer } from "./helpers/imap-server";
import { APP_HOST, probeEnv, sampleProbeFile, writeProbeFile } from "./helpers/probe-file";
import { runCli } from "./helpers/run-plan";
import { DOVECOT, skipWithout, titled } from "./helpers/servers";
import { startSampleApp, type AppFlaw } from "./helpers/sample-app";
import { makeCa, type TestCa } from "./helpers/test-ca";

// authn.password-reset end to end: the sample app mails its reset links to a real IMAP server
// (Dovecot, on 127.0.0.1), and the probe reads them from the reset account's mailbox.

const RESET_USER = "carol@acme.test";
const mailboxPassword = randomBytes(9).toString("base64url");
let ca: TestCa;
let cert: { cert: Buffer; key: Buffer };
let imap: ImapServer;
const dir = mkdtempSync(join(tmpdir(), "lb-reset-"));

async function run(flaws: AppFlaw[], edit: (d: Record<string, any>) => void = () => {}, envEdit: (e: Record<string, string>) => void = () => {}) {
  const app = await startSampleApp({ ...cert, carrier: "bearer", flaws, mail: (to, message) => imap.deliver(to, message) });
  try {
    const file = writeProbeFile(
      dir,
      sampleProbeFile(app, "bearer", (d) => {
        d.allowedHosts = [APP_HOST, "127.0.0.1"];
        d.passwordReset = {
          usernameEnv: "PROBE_RESET_USER",
          newPasswordEnv: "PROBE_RESET_NEW_PASSWORD",
          request: { method: "POST", path: "/api/auth/password-reset", body: { email: "{{username}}" } },
          consume: { method: "POST", path: "/api/auth/password-reset/confirm", body: { token: "{{token}}", password: "{{password}}" } },
          waitSeconds: 10,
          mailbox: { imap: { host: "127.0.0.1", port: imap.port, secure: false, userEnv: "PROBE_MAILBOX_USER", passwordEnv: "PROBE_MAILBOX_PASSWORD" } },
        };
        edit(d);
      }),
      `reset-${flaws.join("-") || "fixed"}.yaml`,
    );
    const env = { ...probeEnv(app), PROBE_RESET_USER: RESET_USER, PROBE_RESET_NEW_PASSWORD: randomBytes(12).toString("base64url"), PROBE_MAILBOX_USER: RESET_USER, PROBE_MAILBOX_PASSWORD: mailboxPassword };
    envEdit(env);
    const r = await runCli("verify", ["--probes", file, "--resolve", `${APP_HOST}:${app.port}:127.0.0.1`, "--ca-file", ca.caFile, "--checks", "authn.password-reset", "--json"], env);
    const out = r.stdout + r.stderr;
    for (const v of [env.PROBE_RESET_NEW_PASSWORD, env.PROBE_MAILBOX_PASSWORD, app.users.reset.password]) expect(out).not.toContain(v);
    expect(out).not.toMatch(/token=|reset\?/);
    return { ...r, check: r.code === 2 ? undefined : (JSON.parse(r.stdout).checks[0] as { status: string; summary: string; evidence: string[] }) };
  } finally {
    await app.close();
  }
}

const REQUESTED = (n: number) => `POST /api/auth/password-reset -> 202 (reset link ${n} requested)`;
const ARRIVED = (n: number) => expect.stringMatching(new RegExp(`^reset mail ${n} arrived after \\d+\\.\\d s$`));

describe.skipIf(skipWithout(DOVECOT))(titled("authn.password-reset", DOVECOT), () => {
  // Dovecot starts inside the block, so a machine without it skips instead of failing to spawn.
  beforeAll(async () => {
    ca = makeCa();
    cert = ca.issue(APP_HOST);
    imap = await startImap({ [RESET_USER]: mailboxPassword });
  });
  afterAll(() => imap?.close());

  it("passes an app whose links stop working once a newer one is issued, and once used", async () => {
    const { check } = await run([]);
    expect(check).toEqual({
      id: "authn.password-reset",
      area: "Authentication",
      status: "pass",
      summary: "a reset link stops working once a newer one is issued, and once used",
      runbook: "runbooks/app-security-finding.md",
      evidence: [REQUESTED(1), ARRIVED(1), REQUESTED(2), ARRIVED(2), "POST /api/auth/password-reset/confirm -> 400 (link 1, after link 2 was issued)", "POST /api/auth/password-reset/confirm -> 204 (link 2)", "POST /api/auth/password-reset/confirm -> 400 (link 2 again, after use)"],
    });
  });

  it("fails links that still work after a newer one was issued", async () => {
    const { check, code } = await run(["reset-link-not-superseded"]);
    expect(check).toMatchObject({ status: "fail", summary: "reset links work too long: a reset link still works after a newer one was issued" });
    expect(check!.evidence[4]).toBe("POST /api/auth/password-reset/confirm -> 204 (link 1, after link 2 was issued)");
    expect(code).toBe(1);
  });

  it("fails a link that works again after use", async () => {
    const { check } = await run(["reset-link-reusable"]);
    expect(check).toMatchObject({ status: "fail", summary: "reset links work too long: a used reset link works again" });
    expect(check!.evidence[6]).toBe("POST /api/auth/password-reset/confirm -> 204 (link 2 again, after use)");
  });

  it("could not run with a wrong mailbox password: exit 2, naming the variables, the password never shown", async () => {
    const wrong = randomBytes(9).toString("base64url");
    const r = await run([], () => {}, (e) => (e.PROBE_MAILBOX_PASSWORD = wrong));
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("error:"))).toEqual([expect.stringMatching(/^error: no probe could run: cannot read the test mailbox at 127\.0\.0\.1:\d+ \(.+\)\. Fix: check passwordReset\.mailbox, PROBE_MAILBOX_USER and PROBE_MAILBOX_PASSWORD\.$/)]);
    expect(r.stderr).not.toContain(wrong);
  });

  it("is refused without allowDestructive, before anything is sent", async () => {
    const r = await run([], (d) => {
      d.allowDestructive = false;
      d.objects = d.objects.map((o: Record<string, unknown>) => ({ ...o, methods: ["GET"] }));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/passwordReset sets a password, and allowDestructive is not set\. Fix: set allowDestructive: true \(only against a test deployment\), or remove passwordReset\.\n$/);
  });
});
