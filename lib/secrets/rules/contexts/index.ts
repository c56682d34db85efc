import { NetrcPassword } from "./netrc-password";
import { PsexecPassword } from "./psexec-password";
import type { FormatRule, NamedRule } from "../types";

// One rule a file, each with its sources: credentials known by the syntax around them.

export const FORMATS: readonly FormatRule[] = [NetrcPassword, PsexecPassword];
export const NAMED: readonly NamedRule[] = [];
