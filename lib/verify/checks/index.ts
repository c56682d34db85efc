import type { Check } from "../types";
import { dnsCaa, dnsNameservers } from "./dns";
import { emailDkim, emailDmarc, emailSpf, emailTlsRpt } from "./email";

/** Every check verify runs, in report order. */
export const CHECKS: readonly Check[] = [dnsNameservers, dnsCaa, emailSpf, emailDkim, emailDmarc, emailTlsRpt];
