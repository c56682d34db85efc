import { isPasswordPlaceholder } from "../../filler";
import type { FormatRule } from "../types";

// PsExec (and PAExec) take the remote account's password with `-p`, in the clear.

export const PsexecPassword: FormatRule = {
  id: "psexec-password",
  description: "a password on a PsExec command line",
  keywords: ["psexec", "paexec"],
  pattern: /\b(?:ps|pa)exec(?:64)?(?:\.exe)?\b[^\n]*?\s[-/]p\s+"?([^\s"]{4,})/i,
  confirm: (password) => !isPasswordPlaceholder(password) && !/^[-/]/.test(password),
  sources: ["https://learn.microsoft.com/en-us/sysinternals/downloads/psexec"],
};
