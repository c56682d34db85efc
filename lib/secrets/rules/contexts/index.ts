import { Base64PrivateKey } from "./base64-private-key";
import { NetrcPassword } from "./netrc-password";
import { NetworkCredentialPassword } from "./network-credential";
import { OktaSswsHeader } from "./okta-ssws-header";
import { PsexecPassword } from "./psexec-password";
import { TruenasApiKey } from "./truenas-api-key";
import { VaultUnsealKey } from "./vault-unseal-key";
import type { FormatRule, NamedRule } from "../types";

// One rule a file, each with its sources: credentials known by the syntax around them.

export const FORMATS: readonly FormatRule[] = [
  Base64PrivateKey,
  NetrcPassword,
  NetworkCredentialPassword,
  OktaSswsHeader,
  PsexecPassword,
  TruenasApiKey,
  VaultUnsealKey,
];
export const NAMED: readonly NamedRule[] = [];
