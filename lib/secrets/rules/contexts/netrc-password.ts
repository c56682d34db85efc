import { isPasswordPlaceholder } from "../../filler";
import type { FormatRule } from "../types";

// A .netrc entry, on one line or spread over several: `machine <host> login <user> password <p>`.
// curl, git, ftp and Python's netrc module all read this file.

export const NetrcPassword: FormatRule = {
  id: "netrc-password",
  description: "a password in a .netrc entry",
  keywords: ["machine"],
  pattern: /\bmachine\s+\S+\s+(?:login\s+\S+\s+)?password\s+(\S+)/,
  confirm: (password) => !isPasswordPlaceholder(password),
  sources: ["https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html", "https://everything.curl.dev/usingcurl/netrc.html"],
};
