import { detectSecrets } from "../../lib/secrets/detector";
import { OWASP_API8_MISCONFIGURATION, asvs, type LaunchResourcePolicy } from "../rule";
import { exposedValues } from "./runtime-values";

export const noExposedSecrets: LaunchResourcePolicy = {
  name: "no-exposed-secrets",
  description: "No secret value may sit where it is readable in plain text: environment variables, plain-text bindings, String parameters, tags, descriptions or DNS records.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    "Rotate the credential first: it has been in a plan, and maybe in state or logs. Then store it in the environment's secret store (launch-baseline:secrets external + secretValues) and give the workload its ARN: ECS `secrets`, a Workers secret_text binding, an SSM SecureString, or the app reading Secrets Manager with its role.",
  references: [
    { standard: "OWASP API Security Top 10 2023", id: "API8:2023", title: OWASP_API8_MISCONFIGURATION.title, url: OWASP_API8_MISCONFIGURATION.url },
    asvs("V6.4.1", "A secrets management solution such as a key vault is used to securely create, store, control access to and destroy secrets"),
    asvs("V14.3.3", "HTTP responses and configuration do not expose sensitive information"),
    { standard: "CIS", id: "CIS AWS Foundations 3.x", title: "Do not store secrets in Lambda environment variables", url: "https://www.cisecurity.org/benchmark/amazon_web_services" },
  ],
  runbook: "secret-exposed",
  validateResource: (args, report) => {
    for (const place of exposedValues(args.type, args.props)) {
      const found = detectSecrets(place.value, place.name, { deployed: true });
      if (found.length) report(`${place.where} holds ${found[0].description} (value not shown). Move it to the secret store and rotate it.`);
    }
  },
};
