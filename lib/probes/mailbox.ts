import type { ImapFlow } from "imapflow";
import { CouldNotRun } from "../verify/types";

// The test mailbox the password-reset probe reads its links from, over IMAP: what arrived after
// a mark, addressed to the reset account. Mail bodies are decoded (quoted-printable) before links
// are read, so `=3D` in a link is its `=`.

export interface MailboxSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly username: string;
  readonly password: string;
}

export class Mailbox {
  private constructor(private readonly client: ImapFlow) {}

  static async open(s: MailboxSettings, fix: string): Promise<Mailbox> {
    // Loaded on use: only the password-reset probe reads a mailbox.
    const { ImapFlow: Client } = await import("imapflow");
    const client = new Client({ host: s.host, port: s.port, secure: s.secure, doSTARTTLS: s.secure ? undefined : false, auth: { user: s.username, pass: s.password }, logger: false });
    try {
      await client.connect();
      await client.mailboxOpen("INBOX");
    } catch (e) {
      await client.logout().catch(() => undefined);
      throw new CouldNotRun(`cannot read the test mailbox at ${s.host}:${s.port} (${(e as Error & { responseText?: string }).responseText ?? (e as Error).message}). ${fix}`);
    }
    return new Mailbox(client);
  }

  /** The uid the next message will get: messages from here on are new. */
  async mark(): Promise<number> {
    const st = await this.client.status("INBOX", { uidNext: true });
    return (st && st.uidNext) || 1;
  }

  /** The first message since `mark` to `to`, decoded, or undefined when none came in time. */
  async next(mark: number, to: string, timeoutMs: number): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await this.client.noop();
      for await (const m of this.client.fetch(`${mark}:*`, { source: true, envelope: true }, { uid: true })) {
        if (m.uid < mark || !m.source) continue;
        if (!(m.envelope?.to ?? []).some((a) => a.address?.toLowerCase() === to.toLowerCase())) continue;
        return decodeBody(m.source.toString("utf8"));
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => undefined);
  }
}

/** A message's text, with quoted-printable soft breaks and escapes undone. */
function decodeBody(raw: string): string {
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(raw)) return raw;
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The token of the first link in a mail that carries `param` in its query. */
export function resetToken(mail: string, param: string): string | undefined {
  for (const m of mail.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
    try {
      const token = new URL(m[0].replace(/&amp;/g, "&")).searchParams.get(param);
      if (token) return token;
    } catch {
      // not a URL after all
    }
  }
  return undefined;
}
