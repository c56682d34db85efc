import { line } from "../client";
import { Mailbox, resetToken } from "../mailbox";
import { fillTemplate } from "../session";
import { is2xx, Findings, type Probe } from "../types";
import { CouldNotRun } from "../../verify/types";

// The checklist's red flag: "password reset links work too long after issue time or do not
// expire on use". Two links are requested for the reset account and read from its mailbox; the
// older must be refused once the newer exists, and the newer must work once and only once.
// Links and tokens never appear in the evidence.

export const authnPasswordReset: Probe = {
  id: "authn.password-reset",
  area: "Authentication",
  runbook: "app-security-finding",
  notApplicable: (plan) => (plan.passwordReset ? undefined : "no passwordReset in the probe file"),
  async run({ plan, client }) {
    const pr = plan.passwordReset!;
    const secrets = plan.reset!;
    const imap = pr.mailbox.imap;
    const mailbox = await Mailbox.open({ host: imap.host, port: imap.port, secure: imap.secure, username: secrets.mailboxUser, password: secrets.mailboxPassword }, `Fix: check passwordReset.mailbox, ${imap.userEnv} and ${imap.passwordEnv}.`);
    const f = new Findings();
    const request = async (n: number): Promise<string> => {
      const mark = await mailbox.mark();
      const res = await client.json(pr.request.method, pr.request.path, fillTemplate(pr.request.body ?? {}, { username: secrets.username }));
      f.evidence.push(line(pr.request.method, pr.request.path, res, `(reset link ${n} requested)`));
      if (res.status >= 400) throw new CouldNotRun(`requesting a reset link failed: ${pr.request.method} ${pr.request.path} -> ${res.status}. Fix: check passwordReset.request and ${pr.usernameEnv}.`);
      const start = Date.now();
      const mail = await mailbox.next(mark, secrets.username, pr.waitSeconds * 1000);
      if (!mail) throw new CouldNotRun(`no reset mail reached the reset account within ${pr.waitSeconds} s. Fix: check that the app sends it (the mail flow is itself a launch criterion), and passwordReset.mailbox.`);
      const token = resetToken(mail, pr.tokenParam);
      if (!token) throw new CouldNotRun(`the reset mail holds no link with a "${pr.tokenParam}" parameter. Fix: set passwordReset.tokenParam to the link's token parameter.`);
      f.evidence.push(`reset mail ${n} arrived after ${((Date.now() - start) / 1000).toFixed(1)} s`);
      return token;
    };
    const use = async (token: string, note: string) => {
      const res = await client.json(pr.consume.method, pr.consume.path, fillTemplate(pr.consume.body ?? {}, { token, password: secrets.newPassword }));
      f.evidence.push(line(pr.consume.method, pr.consume.path, res, `(${note})`));
      return res.status;
    };
    try {
      const [first, second] = [await request(1), await request(2)];
      if (is2xx(await use(first, "link 1, after link 2 was issued"))) f.failures.push("a reset link still works after a newer one was issued");
      const newest = await use(second, "link 2");
      if (!is2xx(newest)) f.warnings.push(`the newest reset link was refused (${newest}): check passwordReset.consume`);
      else if (is2xx(await use(second, "link 2 again, after use"))) f.failures.push("a used reset link works again");
    } finally {
      await mailbox.close();
    }
    return f.verdict("a reset link stops working once a newer one is issued, and once used", "reset links work too long");
  },
};
