import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { syntheticInputs } from "./synthetic";

// A program of SYNTHETIC_RESOURCES resources (default 100) in a realistic mix, for the scale
// benchmark: `plan --stack prod --program bench/synthetic-program.ts`.
const n = Number(process.env.SYNTHETIC_RESOURCES ?? 100);
const provider = new aws.Provider("aws", { region: "eu-west-1", allowedAccountIds: ["222233334444"], defaultTags: { tags: { environment: "prod" } } });

for (let i = 0; i < n; i++) {
  const { type, name, inputs } = syntheticInputs(i);
  if (type === "cloudflare:index/dnsRecord:DnsRecord") new cloudflare.DnsRecord(name, inputs as unknown as cloudflare.DnsRecordArgs);
  else if (type === "cloudflare:index/zoneSetting:ZoneSetting") new cloudflare.ZoneSetting(name, inputs as unknown as cloudflare.ZoneSettingArgs);
  else if (type === "aws:secretsmanager/secret:Secret") new aws.secretsmanager.Secret(name, inputs as aws.secretsmanager.SecretArgs, { provider });
  else new aws.lambda.Function(name, inputs as unknown as aws.lambda.FunctionArgs, { provider });
}

export const resources = n;
