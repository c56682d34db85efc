import { readFile } from "node:fs/promises";
import { inboxVerdict } from "../../email/inbox-verdict";
import type { Check } from "../types";

// The inbox test: a message a test inbox received (password reset, invite) authenticated the way
// the inbox does, with the client IP, HELO and envelope sender read from its Received headers.
export const emailMessage: Check = {
  id: "email.message",
  needs: "eml",
  area: "Email security",
  runbook: "email-deliverability",
  async run(ctx) {
    const message = await readFile(ctx.eml!);
    const v = await inboxVerdict(message, { trustReceived: true, mta: "verify.launch-baseline", resolver: ((name: string, rr: string) => ctx.resolver.resolve(name, rr)) as never });
    const evidence = [`spf=${v.spf.result} (${v.spf.reason})`, `dkim=${v.dkim.result} (${v.dkim.reason})`, `dmarc=${v.dmarc.result}${v.dmarc.policy ? ` policy=${v.dmarc.policy}` : ""} (${v.dmarc.reason})`];
    if (v.dmarc.result !== "pass") return { status: "fail", summary: `DMARC ${v.dmarc.result}: receivers would ${v.dmarc.policy === "reject" ? "reject" : "distrust"} this message`, evidence };
    if (v.spf.result !== "pass" || v.dkim.result !== "pass") return { status: "warn", summary: `DMARC passes, but spf=${v.spf.result} dkim=${v.dkim.result}`, evidence };
    return { status: "pass", summary: "spf, dkim and dmarc pass", evidence };
  },
};
