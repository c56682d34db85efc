import { CLOUD_FORMATS, CLOUD_NAMED } from "./cloud";
import { FORMATS as CONTEXT_FORMATS } from "./contexts";
import { CODE_HOSTING_FORMATS, CODE_HOSTING_NAMED } from "./code-hosting";
import { EMAIL_FORMATS, EMAIL_NAMED } from "./email";
import { GENERIC_FORMATS } from "./generic";
import { MESSAGING_FORMATS } from "./messaging";
import { PAYMENT_FORMATS, PAYMENT_NAMED } from "./payments";
import { FORMATS as PROVIDER_FORMATS, NAMED as PROVIDER_NAMED } from "./providers";
import { SERVICE_FORMATS } from "./services";
import type { FormatRule, NamedRule } from "./types";

/** Every format rule, by family. Order only decides which kind a line reports first. */
export const FORMAT_RULES: readonly FormatRule[] = [...CLOUD_FORMATS, ...CODE_HOSTING_FORMATS, ...MESSAGING_FORMATS, ...EMAIL_FORMATS, ...PAYMENT_FORMATS, ...SERVICE_FORMATS, ...PROVIDER_FORMATS, ...CONTEXT_FORMATS, ...GENERIC_FORMATS];

/** Rules whose value is proof only under a telling name: their context is the name. */
export const NAMED_RULES: readonly NamedRule[] = [...CLOUD_NAMED, ...CODE_HOSTING_NAMED, ...EMAIL_NAMED, ...PAYMENT_NAMED, ...PROVIDER_NAMED];
