import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { DOVECOT } from "./servers";

// A real IMAP server for the tests: Debian's Dovecot on 127.0.0.1, serving Maildirs. Mail is
// delivered by writing the message into the recipient's Maildir, as a local delivery agent does.

export interface ImapServer {
  readonly port: number;
  /** Delivers an RFC 5322 message to a mailbox user's INBOX. */
  deliver(user: string, message: string): void;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function startImap(users: Record<string, string>): Promise<ImapServer> {
  const dovecot = DOVECOT.path;
  if (!dovecot) throw new Error(`Dovecot is not installed (${DOVECOT.install})`);
  const dir = mkdtempSync(join(tmpdir(), "lb-imap-"));
  // Dovecot's own users must reach the homes and read the password file inside.
  chmodSync(dir, 0o755);
  for (const d of ["run", "state", "home"]) mkdirSync(join(dir, d));
  // Dovecot's login processes refuse to run as root: as root they run as Debian's dovecot users,
  // and mail is stored as the dovecot user; otherwise everything runs as whoever runs the tests.
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const [login, internal] = root ? ["dovenull", "dovecot"] : [me.username, me.username];
  const [uid, gid] = root ? ["dovecot", "dovecot"] : [String(me.uid), String(me.gid)];
  chmodSync(join(dir, "home"), 0o777);
  writeFileSync(join(dir, "users"), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}\n`).join(""));
  const port = await freePort();
  const conf = join(dir, "dovecot.conf");
  writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
first_valid_uid = 0
default_internal_user = ${internal}
default_login_user = ${login}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
`,
  );
  const child: ChildProcess = spawn(dovecot, ["-c", conf, "-F"], { stdio: "ignore" });
  // Ready when the IMAP port accepts a connection.
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((r) => {
      const s = require("node:net").connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), r(true)));
      s.once("error", () => r(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  let n = 0;
  return {
    port,
    deliver(user, message) {
      const maildir = join(dir, "home", user, "Maildir");
      for (const sub of ["", "cur", "new", "tmp"]) {
        mkdirSync(join(maildir, sub), { recursive: true });
        chmodSync(join(maildir, sub), 0o777);
      }
      const file = join(maildir, "new", `${Date.now()}.${process.pid}_${n++}.lb-test`);
      writeFileSync(file, message.replace(/\r?\n/g, "\r\n"), { mode: 0o666 });
    },
    close: () =>
      new Promise<void>((r) => {
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}
