import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

/** Where a rule comes from, for the catalogue, SARIF and reviewers. */
export interface Reference {
  readonly standard: "OWASP API Security Top 10 2023" | "OWASP ASVS 4.0.3" | "CIS" | "RFC" | "Vendor" | "checkov" | "trivy";
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

// The catalogue's metadata rides on the policy object itself: the SDK ignores fields it does not
// know, so the array handed to PolicyPack and the one the offline plan reads are the same.
interface Catalogued {
  readonly severity: "low" | "medium" | "high" | "critical";
  readonly remediationSteps: string;
  readonly references: readonly Reference[];
  /** File name in runbooks/ (without .md) to follow when the rule blocks a deploy. */
  readonly runbook: string;
}

export type LaunchResourcePolicy = ResourceValidationPolicy & Catalogued;
export type LaunchStackPolicy = StackValidationPolicy & Catalogued;
export type LaunchPolicy = LaunchResourcePolicy | LaunchStackPolicy;

export const OWASP_API8_MISCONFIGURATION: Reference = {
  standard: "OWASP API Security Top 10 2023",
  id: "API8:2023",
  title: "Security Misconfiguration",
  url: "https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/",
};

export const asvs = (id: string, title: string): Reference => ({
  standard: "OWASP ASVS 4.0.3",
  id,
  title,
  url: "https://owasp.org/www-project-application-security-verification-standard/",
});

/** The checkov check a rule matches, so a team running checkov can map its findings to ours. */
export const checkov = (id: string, title: string): Reference => ({ standard: "checkov", id, title, url: "https://www.checkov.io/5.Policy%20Index/terraform.html" });

/** The trivy (Aqua AVD) misconfiguration a rule matches: `AVD-AWS-0014` under service `cloudtrail`. */
export const trivy = (id: string, service: string, title: string): Reference => ({ standard: "trivy", id, title, url: `https://avd.aquasec.com/misconfig/aws/${service}/${id.toLowerCase()}/` });
