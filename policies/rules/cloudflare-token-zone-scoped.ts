import * as cloudflare from "@pulumi/cloudflare";
import { validateResourceOfType } from "@pulumi/policy";
import { asvs, type LaunchResourcePolicy } from "../rule";
import { known } from "./monitoring";

// Cloudflare token resources (developers.cloudflare.com, "API token permissions"): a zone is
// com.cloudflare.api.account.zone.<zone id>; all zones is com.cloudflare.api.account.zone.*; an
// account is com.cloudflare.api.account.<account id>, whose value may narrow to its zones.
const ALL_ZONES = "com.cloudflare.api.account.zone.*";
const ALL_ACCOUNTS = "com.cloudflare.api.account.*";
const ACCOUNT = /^com\.cloudflare\.api\.account\.(?!zone\.)[^.]+$/;

/** What is too broad in one policy's resources, or nothing. */
function breadth(resources: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(resources)) {
    if (key === ALL_ZONES) found.push("every zone the token's owner can reach (com.cloudflare.api.account.zone.*)");
    else if (key === ALL_ACCOUNTS) found.push("every account (com.cloudflare.api.account.*)");
    else if (ACCOUNT.test(key) && value && typeof value === "object" && ALL_ZONES in (value as object)) found.push(`every zone of account ${key.split(".").pop()}`);
  }
  return found;
}

export const cloudflareTokenZoneScoped: LaunchResourcePolicy = {
  name: "cloudflare-token-zone-scoped",
  description: "A Cloudflare API token grants zone permissions on named zones only: never all zones, every zone of an account, or every account.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Scope each token policy's resources to {\"com.cloudflare.api.account.zone.<zone id>\": \"*\"}; keep account-level permissions (Workers Scripts, Notifications) in a separate policy on {\"com.cloudflare.api.account.<account id>\": \"*\"}. bootstrap/ makes one token per environment this way.",
  references: [{ standard: "Vendor", id: "Cloudflare API token permissions", title: "Create API token: restrict to specific zones", url: "https://developers.cloudflare.com/fundamentals/api/how-to/create-via-api/" }, asvs("V1.4.3", "Principle of least privilege")],
  runbook: "deploy-identity",
  validateResource: validateResourceOfType(cloudflare.ApiToken, (token, _args, report) => {
    for (const [i, policy] of (known(() => token.policies) ?? []).entries()) {
      const raw = known(() => policy.resources as unknown);
      if (raw === undefined) continue;
      let resources: Record<string, unknown>;
      try {
        resources = typeof raw === "string" ? JSON.parse(raw) : (raw as Record<string, unknown>);
      } catch {
        report(`policy ${i + 1}'s resources are not JSON. Fix: give them as JSON.stringify({ "com.cloudflare.api.account.zone.<zone id>": "*" }).`);
        continue;
      }
      for (const what of breadth(resources)) report(`policy ${i + 1} grants its permissions on ${what}. Fix: name the environment's zone: {"com.cloudflare.api.account.zone.<zone id>": "*"}.`);
    }
  }),
};
