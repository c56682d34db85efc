import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";

// Credentials and look-alikes built at run time, so no secret-shaped literal is ever committed.
// Shared by the detector tests, the policy fixtures and the secretlint benchmark.

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const pick = (alphabet: string, n: number) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");
const upperDigits = (n: number) => pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n);
const hex = (n: number) => randomBytes(Math.ceil(n / 2)).toString("hex").slice(0, n);
const b64url = (n: number) => pick(`${ALNUM}-_`, n);
// Random strings can spell EXAMPLE or a placeholder by chance; these never do.
const alnum = (n: number) => pick(ALNUM, n);

export interface Sample {
  readonly kind: string;
  /** As it would appear in a file: usually `NAME=value`. */
  readonly text: string;
  /** The bare value, as a policy sees it in an environment variable. */
  readonly value: string;
  /** The name it sits under. */
  readonly name: string;
}

const sample = (kind: string, name: string, value: string, text = `${name}=${value}`): Sample => ({ kind, name, value, text });

export function credentials(): Sample[] {
  const jwtPart = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const pem = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return [
    sample("aws-access-key-id", "AWS_ACCESS_KEY_ID", `AKIA${upperDigits(16)}`),
    sample("aws-secret-access-key", "aws_secret_access_key", pick(`${ALNUM}/+`, 40), undefined),
    sample("github-token", "GITHUB_TOKEN", `ghp_${alnum(36)}`),
    sample("gitlab-token", "GITLAB_TOKEN", `glpat-${b64url(20)}`),
    sample("slack-token", "SLACK_BOT_TOKEN", `xoxb-${pick("0123456789", 12)}-${pick("0123456789", 13)}-${alnum(24)}`),
    sample("slack-webhook", "SLACK_WEBHOOK", `https://hooks.slack.com/services/T${upperDigits(8)}/B${upperDigits(10)}/${alnum(24)}`),
    sample("stripe-secret-key", "STRIPE_KEY", `sk_live_${alnum(24)}`),
    sample("sendgrid-api-key", "SENDGRID_API_KEY", `SG.${b64url(22)}.${b64url(43)}`),
    sample("google-api-key", "GOOGLE_API_KEY", `AIza${b64url(35)}`),
    sample("npm-token", "NPM_TOKEN", `npm_${alnum(36)}`),
    sample("private-key", "TLS_KEY", pem.replace(/\n/g, "\\n")),
    sample("jwt", "SESSION_JWT", `${jwtPart({ alg: "HS256", typ: "JWT" })}.${jwtPart({ sub: randomUUID(), exp: 1900000000 })}.${b64url(43)}`),
    sample("url-with-password", "DATABASE_URL", `postgres://app:${alnum(20)}@db.internal.example.com:5432/community`),
    sample("shopify-token", "SHOPIFY_TOKEN", `shpat_${hex(32)}`),
    sample("digitalocean-token", "DO_TOKEN", `dop_v1_${hex(64)}`),
    sample("twilio-api-key", "TWILIO_API_KEY", `SK${hex(32)}`),
    sample("high-entropy-secret", "SMTP_PASSWORD", `${alnum(10)}${pick("0123456789", 4)}${alnum(10)}`),
    sample("high-entropy-secret", "CLOUDFLARE_API_TOKEN", `${b64url(18)}9${b64url(21)}`),
  ];
}

export function lookAlikes(): Sample[] {
  const dkim = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
  const sshPub = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64url(43)} deploy@ci`;
  return [
    sample("arn", "SECRET_ARN", `arn:aws:secretsmanager:eu-west-1:${pick("0123456789", 12)}:secret:/launch-baseline/prod/smtp-password-${hex(6)}`),
    sample("uuid", "API_KEY_ID", randomUUID()),
    sample("sha256", "ASSET_HASH", hex(64)),
    sample("git-sha", "GIT_SHA", hex(40)),
    sample("zone-id", "CLOUDFLARE_ZONE_ID", hex(32)),
    sample("account-id", "AWS_ACCOUNT_ID", pick("0123456789", 12)),
    sample("dkim-public-key", "DKIM_RECORD", `v=DKIM1; k=rsa; p=${dkim}`),
    sample("ssh-public-key", "DEPLOY_PUBLIC_KEY", sshPub),
    sample("stripe-publishable-key", "STRIPE_PUBLISHABLE_KEY", `pk_live_${alnum(24)}`),
    sample("google-client-id", "GOOGLE_CLIENT_ID", `${pick("0123456789", 12)}-${pick("abcdefghijklmnopqrstuvwxyz0123456789", 32)}.apps.googleusercontent.com`),
    sample("placeholder", "API_TOKEN", "<your-api-token>"),
    sample("placeholder", "DB_PASSWORD", "${DB_PASSWORD}"),
    sample("placeholder", "SMTP_PASSWORD", "changeme"),
    sample("aws-docs-example", "AWS_ACCESS_KEY_ID", ["AKIA", "IOSFODNN7", "EXAMPLE"].join("")),
    sample("url-without-password", "APP_URL", "https://app.example.com/login?next=/feed"),
    sample("secret-name", "SESSION_SECRET_NAME", "session-signing-key"),
    sample("secret-path", "SMTP_PASSWORD_PATH", "/launch-baseline/prod/smtp-password"),
    sample("ecr-digest", "IMAGE_DIGEST", `sha256:${hex(64)}`),
    sample("version", "APP_VERSION", "2026.11.29-rc.3"),
  ];
}
