import { isPasswordPlaceholder } from "../../filler";
import type { FormatRule } from "../types";

// .NET and PowerShell pass a user and a password to `NetworkCredential("user", "password")`
// (and `DirectoryEntry(path, user, password)`): the last string argument is the password.

export const NetworkCredentialPassword: FormatRule = {
  id: "network-credential-password",
  description: "a password in a NetworkCredential or DirectoryEntry constructor",
  keywords: ["networkcredential(", "directoryentry("],
  pattern: /\b(?:NetworkCredential|DirectoryEntry)\(\s*(?:"[^"\n]*"\s*,\s*)?"[^"\n]*"\s*,\s*"([^"\n]{4,})"/,
  confirm: (password, text, end) => !isPasswordPlaceholder(password) && !/^\s*,/.test(text.slice(end + 1)),
  sources: ["https://learn.microsoft.com/en-us/dotnet/api/system.net.networkcredential.-ctor", "https://learn.microsoft.com/en-us/dotnet/api/system.directoryservices.directoryentry.-ctor"],
};
