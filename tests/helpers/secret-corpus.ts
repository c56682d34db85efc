import { generateKeyPairSync } from "node:crypto";
import { isWordy } from "../../lib/secrets/detector";
import { randomFloor } from "../../lib/secrets/look-alikes";
import { entropy } from "../../lib/secrets/rules/types";
import { isFiller, isPasswordPlaceholder } from "../../lib/secrets/filler";
import { githubToken, npmToken } from "./fake-tokens";
import { randomBytes, randomUUID } from "./seeded-random";
import { SYNTAXES } from "./secret-syntaxes";

// Credentials and look-alikes built at run time, so no secret-shaped literal is ever committed.
// Every detector rule has a family here; each family is written in every syntax (secret-syntaxes),
// and every family has clean look-alikes beside it. Shared by the detector tests, the policy
// fixtures, verify's end-to-end tests and the benchmark.

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
// A provider's generator can spell filler by chance (XXXXX, 7654321, "test") about once in
// a hundred thousand values, and random letters read as words now and then (Wtxptedc, turpghl);
// the corpus draws again then, so the tests never flake on it. A piece that is not wordy keeps a
// value joined from pieces and digits (CREDS: 12 + 4 + 12) under the wordiness line as well.

/** Draws until `ok`: a piece, or a value joined from pieces that spells what documentation writes (…!1234test). */
function until(make: () => string, ok: (v: string) => boolean): string {
  for (;;) {
    const v = make();
    if (ok(v)) return v;
  }
}
const pick = (alphabet: string, n: number): string =>
  until(() => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join(""), (s) => !isFiller(s) && (n < 16 || !isPasswordPlaceholder(s)) && (n < 8 || !isWordy(s)));
const hex = (n: number) => pick("0123456789abcdef", n);
const digits = (n: number) => pick("123456789", 1) + pick("0123456789", n - 1);
const upperDigits = (n: number) => pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n);
const b64url = (n: number) => pick(`${ALNUM}-_`, n);
const b64 = (n: number) => pick(`${ALNUM}+/`, n);
const alnum = (n: number) => pick(ALNUM, n);
const base36 = (n: number) => pick("abcdefghijklmnopqrstuvwxyz0123456789", n);
const lower = (n: number) => pick("abcdefghijklmnopqrstuvwxyz", n);
const upperAlnum = (n: number) => pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n);
const uuid = () => randomUUID();
const join = (...parts: string[]) => parts.join("");

/** One kind of credential: which rule must report it, the group it belongs to, a realistic name. */
export interface Family {
  readonly kind: string;
  readonly group: string;
  readonly name: string;
  make(): string;
}

const f = (group: string, kind: string, name: string, make: () => string): Family => ({ group, kind, name, make });

export const FAMILIES: readonly Family[] = [
  f("cloud", "aws-access-key-id", "AWS_ACCESS_KEY_ID", () => `AKIA${upperDigits(16)}`),
  f("cloud", "aws-secret-access-key", "AWS_SECRET_ACCESS_KEY", () => b64(40)),
  f("cloud", "high-entropy-secret", "AWS_SECRET_ACCESS_KEY", () => Buffer.from(b64(40)).toString("base64")),
  f("cloud", "azure-ad-client-secret", "AZURE_CLIENT_SECRET", () => `${alnum(3)}8Q~${b64url(34).replace(/[-_]/g, "a")}`),
  f("cloud", "azure-storage-key", "AZURE_STORAGE_KEY", () => `${b64(86)}==`),
  f("cloud", "google-api-key", "GOOGLE_MAPS_KEY", () => `AIza${b64url(35)}`),
  f("cloud", "cloudflare-global-api-key", "CLOUDFLARE_API_KEY", () => hex(37)),
  f("cloud", "cloudflare-api-token", "CF_API_TOKEN", () => `cfut_${alnum(40)}${hex(8)}`),
  f("cloud", "cloudflare-origin-ca-key", "ORIGIN_CA_KEY", () => `v1.0-${hex(24)}-${hex(146)}`),
  f("cloud", "digitalocean-token", "DO_TOKEN", () => `dop_v1_${hex(64)}`),
  f("cloud", "heroku-api-key", "HEROKU_API_KEY", uuid),
  f("code-hosting", "github-token", "GITHUB_TOKEN", () => githubToken()),
  f("code-hosting", "gitlab-personal-token", "GITLAB_TOKEN", () => `glpat-${b64url(20)}`),
  f("code-hosting", "gitlab-pipeline-trigger-token", "CI_TRIGGER", () => `glptt-${hex(40)}`),
  f("code-hosting", "gitlab-runner-token", "RUNNER_AUTH", () => `glrt-${b64url(20)}`),
  f("code-hosting", "gitlab-runner-registration-token", "REGISTRATION", () => `GR1348941${b64url(20)}`),
  f("code-hosting", "gitlab-feed-token", "FEED", () => `glft-${b64url(20)}`),
  f("code-hosting", "gitlab-deploy-token", "DEPLOY", () => `gldt-${b64url(20)}`),
  f("code-hosting", "gitlab-oauth-app-secret", "OAUTH_APP", () => `gloas-${b64url(64)}`),
  f("code-hosting", "gitlab-scim-token", "SCIM", () => `glsoat-${b64url(20)}`),
  f("code-hosting", "gitlab-incoming-mail-token", "INCOMING_MAIL", () => `glimt-${b64url(25)}`),
  f("code-hosting", "gitlab-ci-build-token", "JOB", () => `glcbt-${alnum(3)}_${b64url(20)}`),
  f("code-hosting", "gitlab-agent-token", "AGENT", () => `glagent-${b64url(50)}`),
  f("code-hosting", "gitlab-feature-flags-token", "UNLEASH_INSTANCE", () => `glffct-${b64url(20)}`),
  f("code-hosting", "npm-token", "NPM_TOKEN", npmToken),
  f("code-hosting", "npm-legacy-token", "NPM_AUTH_TOKEN", uuid),
  f("code-hosting", "pypi-upload-token", "TWINE_PASSWORD", () => `pypi-AgEIcHlwaS5vcmc${b64url(70)}`),
  f("messaging", "slack-bot-token", "SLACK_BOT", () => `xoxb-${digits(12)}-${digits(13)}-${alnum(24)}`),
  f("messaging", "slack-user-token", "SLACK_USER", () => `xoxp-${digits(12)}-${digits(12)}-${digits(13)}-${hex(32)}`),
  f("messaging", "slack-app-token", "SLACK_APP", () => `xapp-1-A${upperAlnum(10)}-${digits(13)}-${hex(64)}`),
  f("messaging", "slack-refresh-token", "SLACK_REFRESH", () => `xoxe-1-${alnum(146)}`),
  f("messaging", "slack-legacy-token", "SLACK_LEGACY", () => `xoxs-${digits(10)}-${digits(11)}-${digits(12)}-${hex(64)}`),
  f("messaging", "slack-webhook", "ALERTS_HOOK", () => `https://hooks.slack.com/services/T${upperAlnum(8)}/B${upperAlnum(10)}/${alnum(24)}`),
  f("messaging", "teams-webhook", "TEAMS_HOOK", () => `https://contoso.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${hex(32)}/${uuid()}`),
  f("messaging", "power-automate-webhook", "FLOW_TRIGGER", () => `https://prod-${digits(2)}.westeurope.logic.azure.com:443/workflows/${hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${b64url(43)}`),
  f("messaging", "discord-webhook", "DISCORD_HOOK", () => `https://discord.com/api/webhooks/${digits(18)}/${b64url(68)}`),
  f("messaging", "telegram-bot-token", "TELEGRAM_BOT", () => `${digits(10)}:AA${b64url(33)}`),
  f("messaging", "twilio-api-key", "TWILIO_API", () => `SK${hex(32)}`),
  f("messaging", "pagerduty-integration-url", "PAGER_URL", () => `https://events.pagerduty.com/integration/${hex(32)}/enqueue`),
  f("email", "sendgrid-api-key", "SENDGRID", () => `SG.${b64url(22)}.${b64url(43)}`),
  f("email", "mailgun-api-key", "MG_PRIVATE", () => `key-${hex(32)}`),
  f("email", "mailgun-key", "MAILGUN_SIGNING_KEY", () => `${hex(32)}-${hex(8)}-${hex(8)}`),
  f("email", "mailchimp-api-key", "NEWSLETTER", () => `${hex(32)}-us${digits(2)}`),
  f("email", "brevo-api-key", "BREVO", () => `xkeysib-${hex(64)}-${alnum(16)}`),
  f("email", "postmark-token", "POSTMARK_SERVER_TOKEN", uuid),
  f("payments", "stripe-secret-key", "STRIPE_KEY", () => `sk_live_${alnum(24)}`),
  f("payments", "stripe-webhook-secret", "STRIPE_WEBHOOK", () => `whsec_${alnum(32)}`),
  f("payments", "square-access-token", "SQUARE_ACCESS", () => `EAAA${b64url(60)}`),
  f("payments", "square-oauth-secret", "SQUARE_APP", () => `sq0csp-${b64url(43)}`),
  f("payments", "braintree-access-token", "BT_ACCESS", () => `access_token$production$${pick("abcdefghijklmnopqrstuvwxyz0123456789", 16)}$${hex(32)}`),
  f("payments", "paypal-client-secret", "PAYPAL_CLIENT_SECRET", () => `E${b64url(79)}`),
  f("payments", "braintree-private-key", "BRAINTREE_PRIVATE_KEY", () => hex(32)),
  f("payments", "shopify-token", "SHOPIFY", () => `shpat_${hex(32)}`),
  f("services", "openai-api-key", "OPENAI", () => `sk-proj-${b64url(74)}T3BlbkFJ${b64url(74)}`),
  f("services", "anthropic-api-key", "ANTHROPIC", () => `sk-ant-api03-${b64url(93)}AA`),
  f("services", "huggingface-token", "HF", () => `hf_${pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34)}`),
  f("services", "vault-token", "VAULT", () => `hvs.${b64url(95)}`),
  f("services", "doppler-token", "DOPPLER", () => `dp.pt.${alnum(43)}`),
  f("services", "postman-api-key", "POSTMAN", () => `PMAK-${hex(24)}-${hex(34)}`),
  f("services", "atlassian-api-token", "JIRA", () => `ATATT3xFfGF0${b64url(180)}`),
  f("services", "linear-api-key", "LINEAR", () => `lin_api_${alnum(40)}`),
  f("services", "grafana-service-token", "GRAFANA", () => `glsa_${alnum(32)}_${hex(8)}`),
  f("services", "sentry-auth-token", "SENTRY_AUTH", () => `sntryu_${hex(64)}`),
  f("services", "databricks-token", "DATABRICKS", () => `dapi${hex(32)}`),
  f("services", "newrelic-api-key", "NEW_RELIC", () => `NRAK-${upperAlnum(27)}`),
  f("services", "age-secret-key", "AGE_IDENTITY", () => `AGE-SECRET-KEY-1${pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)}`),
  f("services", "tailscale-key", "TS_AUTHKEY", () => `tskey-auth-${alnum(12)}-${alnum(30)}`),
  f("services", "terraform-cloud-token", "TFE_TOKEN", () => `${alnum(14)}.atlasv1.${b64url(67)}`),
  f("services", "sourcegraph-token", "SRC_ACCESS_TOKEN", () => `sgp_${hex(16)}_${hex(40)}`),
  f("services", "mapbox-secret-token", "MAPBOX_SECRET", () => `sk.eyJ1Ijoi${b64url(40)}.${b64url(22)}`),
  f("services", "docker-hub-token", "DOCKERHUB_TOKEN", () => `dckr_pat_${b64url(27)}`),
  f("services", "sonarqube-token", "SONAR_TOKEN", () => `squ_${hex(40)}`),
  f("services", "grafana-cloud-token", "GRAFANA_CLOUD", () => `glc_${b64(80)}`),
  f("services", "figma-token", "FIGMA", () => `figd_${b64url(40)}`),
  f("services", "tavily-api-key", "TAVILY", () => `tvly-${alnum(32)}`),
  f("services", "dependency-track-key", "DTRACK", () => `odt_${alnum(32)}`),
  f("code-hosting", "nuget-api-key", "NUGET", () => `oy2${pick("abcdefghijklmnopqrstuvwxyz0123456789", 43)}`),
  f("services", "salesforce-access-token", "SF_SESSION", () => `00D${alnum(15)}!${alnum(96)}`),
  f("services", "new-relic-key", "NEW_RELIC_BROWSER", () => `NRJS-${hex(19)}`),
  f("messaging", "twilio-auth-token", "TWILIO_AUTH_TOKEN", () => hex(32)),
  f("services", "datadog-key", "DD_API_KEY", () => hex(32)),
  f("services", "okta-api-token", "OKTA_API_TOKEN", () => `00${b64url(40)}`),
  f("services", "twitch-secret", "TWITCH_CLIENT_SECRET", () => pick("abcdefghijklmnopqrstuvwxyz0123456789", 30)),
  f("cloud", "azure-devops-pat", "AZURE_DEVOPS_PAT", () => microsoftAnnotatedKey("AZDO")),
  f("cloud", "azure-common-annotated-key", "AZURE_OPENAI_API_KEY", () => microsoftAnnotatedKey("ACOG")),
  f("cloud", "azure-identifiable-key", "SERVICEBUS_SHARED_ACCESS_KEY", () => `${b64(33)}+ASb${pick("ABCDEFGHIJKLMNOP", 1)}${b64(5)}=`),
  f("cloud", "azure-identifiable-key", "AZURE_FUNCTION_KEY", () => `${b64url(44)}AzFu${b64url(5)}${pick("AQgw", 1)}==`),
  f("cloud", "azure-identifiable-key", "COSMOS_PRIMARY_KEY", () => `${b64(76)}ACDb${b64(5)}${pick("AQgw", 1)}==`),
  f("cloud", "google-oauth-access-token", "GOOGLE_ACCESS_TOKEN", () => `ya29.${b64url(120)}`),
  f("services", "onepassword-service-account-token", "OP_SERVICE_ACCOUNT_TOKEN", () => `ops_eyJ${b64url(200)}`),
  f("services", "twitch-stream-key", "TWITCH_STREAM_KEY", () => `live_${digits(9)}_${alnum(30)}`),
  f("cloud", "azure-devops-legacy-pat", "AZURE_DEVOPS_PAT", () => pick("abcdefghijklmnopqrstuvwxyz234567", 52)),
  f("services", "vault-legacy-token", "VAULT_CLIENT_TOKEN", () => `s.${alnum(24)}`),
  f("cloud", "kubernetes-bootstrap-token", "BOOTSTRAP_TOKEN", () => `${pick("abcdefghijklmnopqrstuvwxyz0123456789", 6)}.${pick("abcdefghijklmnopqrstuvwxyz0123456789", 16)}`),
  f("services", "figma-legacy-token", "FIGMA_TOKEN", () => `${digits(4)}-${uuid()}`),
  f("services", "sonarqube-legacy-token", "SONAR_LOGIN", () => hex(40)),
  f("cloud", "pulumi-access-token", "PULUMI_ACCESS_TOKEN", () => `pul-${hex(40)}`),
  f("code-hosting", "artifactory-token", "ARTIFACTORY_API_KEY", () => `AKCp${alnum(69)}`),
  f("services", "dynatrace-token", "DT_API_TOKEN", () => `dt0c01.${upperAlnum(24)}.${upperAlnum(64)}`),
  f("cloud", "flyio-token", "FLY_API_TOKEN", () => `fo1_${alnum(43)}`),
  f("services", "hubspot-private-app-token", "HUBSPOT_TOKEN", () => `pat-na1-${uuid()}`),
  // get_random_secret_key()'s own alphabet, as startproject writes it.
  f("services", "django-generated-secret-key", "DJANGO_SECRET_KEY", () => `django-insecure-${pick("abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)", 50)}`),
  f("services", "pixie-key", "PX_API_KEY", () => `px-${pick("ad", 1) === "a" ? "api" : "dep"}-${uuid()}`),
  f("services", "infracost-api-key", "INFRACOST_API_KEY", () => `ico-${alnum(32)}`),
  f("services", "notion-token", "NOTION_TOKEN", () => `ntn_${digits(11)}${alnum(35)}`),
  f("code-hosting", "rubygems-api-key", "GEM_HOST_API_KEY", () => `rubygems_${hex(48)}`),
  f("services", "adafruit-io-key", "ADAFRUIT_IO_KEY", () => `aio_${alnum(28)}`),
  // One random key in 9,000 holds no digit, which the rule asks for (a long name after API- has none).
  f("services", "octopus-deploy-api-key", "OCTOPUS_API_KEY", () => `API-${until(() => upperAlnum(28), (v) => /\d/.test(v))}`),
  f("services", "planetscale-token", "PLANETSCALE_TOKEN", () => `pscale_tkn_${alnum(43)}`),
  f("services", "stackhawk-api-key", "HAWK_API_KEY", () => `hawk.${alnum(20)}.${alnum(20)}`),
  f("cloud", "netlify-token", "NETLIFY_AUTH_TOKEN", () => `nfp_${alnum(36)}`),
  f("cloud", "supabase-token", "SUPABASE_ACCESS_TOKEN", () => `sbp_${hex(40)}`),
  f("cloud", "render-api-key", "RENDER_API_KEY", () => `rnd_${alnum(32)}`),
  f("code-hosting", "buildkite-token", "BUILDKITE_API_TOKEN", () => `bkua_${hex(40)}`),
  f("services", "replicate-api-token", "REPLICATE_API_TOKEN", () => `r8_${alnum(37)}`),
  f("services", "groq-api-key", "GROQ_API_KEY", () => `gsk_${alnum(52)}`),
  f("services", "perplexity-api-key", "PERPLEXITY_API_KEY", () => `pplx-${alnum(48)}`),
  f("services", "xai-api-key", "XAI_API_KEY", () => `xai-${alnum(80)}`),
  f("services", "firecrawl-api-key", "FIRECRAWL_API_KEY", () => `fc-${hex(32)}`),
  f("services", "langsmith-api-key", "LANGSMITH_API_KEY", () => `lsv2_pt_${hex(32)}_${hex(10)}`),
  f("email", "resend-api-key", "RESEND_API_KEY", () => `re_${alnum(8)}_${alnum(24)}`),
  f("services", "posthog-personal-key", "POSTHOG_PERSONAL_API_KEY", () => `phx_${alnum(43)}`),
  f("services", "contentful-token", "CONTENTFUL_MANAGEMENT_TOKEN", () => `CFPAT-${alnum(43)}`),
  f("payments", "easypost-api-key", "EASYPOST_API_KEY", () => `EZAK${alnum(54)}`),
  f("payments", "shippo-api-token", "SHIPPO_API_TOKEN", () => `shippo_live_${hex(40)}`),
  f("payments", "plaid-access-token", "PLAID_ACCESS_TOKEN", () => `access-production-${uuid()}`),
  f("payments", "duffel-api-token", "DUFFEL_TOKEN", () => `duffel_live_${alnum(43)}`),
  f("services", "prefect-api-key", "PREFECT_API_KEY", () => `pnu_${alnum(36)}`),
  f("services", "readme-api-key", "README_API_KEY", () => `rdme_${pick("abcdefghijklmnopqrstuvwxyz0123456789", 70)}`),
  f("services", "typeform-token", "TYPEFORM_TOKEN", () => `tfp_${alnum(44)}_${alnum(14)}`),
  f("cloud", "openshift-user-token", "OPENSHIFT_TOKEN", () => `sha256~${b64url(43)}`),
  f("services", "airtable-personal-access-token", "AIRTABLE_TOKEN", () => `pat${alnum(14)}.${hex(64)}`),
  f("cloud", "alibaba-access-key-id", "ALIBABA_CLOUD_ACCESS_KEY_ID", () => `LTAI${alnum(20)}`),
  f("services", "harness-token", "HARNESS_PLATFORM_API_KEY", () => `pat.${b64url(22)}.${alnum(24)}.${alnum(20)}`),
  f("payments", "flutterwave-secret-key", "FLW_SECRET_KEY", () => `FLWSECK-${pick("abcdefgh0123456789", 32)}-X`),
  f("cloud", "clickhouse-cloud-api-secret", "CLICKHOUSE_KEY_SECRET", () => `4b1d${alnum(38)}`),
  f("cloud", "defined-networking-api-token", "DN_API_KEY", () => `dnkey-${pick("abcdefghijklmnopqrstuvwxyz0123456789", 26)}-${pick("abcdefghijklmnopqrstuvwxyz0123456789", 52)}`),
  f("cloud", "scalingo-api-token", "SCALINGO_API_TOKEN", () => `tk-us-${b64url(48)}`),
  f("services", "settlemint-token", "SETTLEMINT_ACCESS_TOKEN", () => `sm_pat_${alnum(16)}`),
  f("services", "frameio-token", "FRAMEIO_TOKEN", () => `fio-u-${b64url(64)}`),
  f("services", "intra42-client-secret", "FT_CLIENT_SECRET", () => `s-s4t2ud-${hex(64)}`),
  f("services", "meta-access-token", "FACEBOOK_PAGE_TOKEN", () => `EAAG${alnum(160)}`),
  f("cloud", "yandex-cloud-credential", "YC_IAM_TOKEN", () => `t1.${b64url(20)}.${b64url(86)}`),
  f("cloud", "yandex-cloud-credential", "YC_API_KEY", () => `AQVN${b64url(36)}`),
  f("code-hosting", "clojars-deploy-token", "CLOJARS_PASSWORD", () => `CLOJARS_${pick("abcdefghijklmnopqrstuvwxyz0123456789", 60)}`),
  f("services", "dropbox-short-lived-token", "DROPBOX_ACCESS_TOKEN", () => `sl.${b64url(140)}`),
  f("services", "onepassword-secret-key", "OP_SECRET_KEY", () => `A3-${upperAlnum(6)}-${upperAlnum(6)}-${upperAlnum(5)}-${upperAlnum(5)}-${upperAlnum(5)}-${upperAlnum(5)}`),
  f("services", "twitter-bearer-token", "X_BEARER_TOKEN", () => `${"A".repeat(22)}${alnum(30)}%2B${alnum(40)}%3D${alnum(20)}`),
  // One random hex draw in a few hundred falls under the rule's 3 bits: the corpus draws again.
  f("code-hosting", "gitlab-session-cookie", "GITLAB_COOKIE", () => `_gitlab_session=${until(() => hex(32), (v) => entropy(v) >= 3.1)}`),
  f("services", "adobe-client-secret", "ADOBE_CLIENT_SECRET", () => `p8e-${alnum(32)}`),
  f("cloud", "aws-bedrock-api-key", "AWS_BEARER_TOKEN_BEDROCK", () => `ABSK${b64(132)}`),
  f("cloud", "aws-bedrock-api-key", "BEDROCK_SHORT_TERM_KEY", () => `bedrock-api-key-${Buffer.from("bedrock.amazonaws.com").toString("base64")}${b64(400)}`),
  f("cloud", "heroku-api-key-v2", "HEROKU_API_TOKEN", () => `HRKU-AA${b64url(58)}`),
  f("services", "maxmind-license-key", "MAXMIND_LICENSE_KEY", () => `${alnum(6)}_${alnum(29)}_mmk`),
  f("services", "huggingface-token", "HF_ORG_TOKEN", () => `api_org_${pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34)}`),
  f("messaging", "slack-bot-token", "SLACK_LEGACY_BOT", () => `xoxb-${digits(11)}-${alnum(24)}`),
  f("services", "new-relic-key", "NEW_RELIC_QUERY_KEY", () => `NRIQ-${b64url(32)}`),
  f("services", "nvidia-api-key", "NVIDIA_API_KEY", () => `nvapi-${b64url(64)}`),
  f("email", "klaviyo-private-api-key", "KLAVIYO_PRIVATE_KEY", () => `pk_${hex(34)}`),
  f("services", "pinecone-api-key", "PINECONE_API_KEY", () => `pcsk_${alnum(6)}_${alnum(63)}`),
  f("services", "deno-deploy-token", "DENO_DEPLOY_TOKEN", () => `ddp_${alnum(36)}`),
  f("services", "apify-api-token", "APIFY_TOKEN", () => `apify_api_${alnum(36)}`),
  f("messaging", "zapier-webhook-url", "ZAPIER_HOOK", () => `https://hooks.zapier.com/hooks/catch/${digits(8)}/${pick("abcdefghijklmnopqrstuvwxyz0123456789", 6)}/`),
  f("payments", "ramp-api-secret", "RAMP_CLIENT_SECRET", () => `ramp_sec_${alnum(48)}`),
  f("code-hosting", "bitbucket-data-center-token", "BITBUCKET_TOKEN", () => `BBDC-${b64(44)}`),
  f("services", "voiceflow-api-key", "VOICEFLOW_API_KEY", () => `VF.DM.${hex(24)}.${alnum(16)}`),
  f("code-hosting", "circleci-token", "CIRCLECI_TOKEN", () => `CCIPAT_${alnum(22)}_${hex(40)}`),
  f("services", "elevenlabs-api-key", "ELEVENLABS_API_KEY", () => `sk_${hex(48)}`),
  f("services", "openrouter-api-key", "OPENROUTER_API_KEY", () => `sk-or-v1-${hex(64)}`),
  f("payments", "gocardless-access-token", "GOCARDLESS_ACCESS_TOKEN", () => `live_${b64url(40)}`),
  f("services", "rootly-api-key", "ROOTLY_API_TOKEN", () => `rootly_${hex(64)}`),
  f("services", "tableau-personal-access-token", "TABLEAU_PAT_SECRET", () => `${b64(22)}==:${alnum(32)}`),
  f("services", "zoho-oauth-token", "ZOHO_REFRESH_TOKEN", () => `1000.${hex(32)}.${hex(32)}`),
  f("generic", "jwt", "SESSION", () => jwt({ sub: uuid(), exp: 1900000000 })),
  f("generic", "url-with-password", "DATABASE_URL", () => `postgres://app:${alnum(20)}@db.internal.community.test:5432/community`),
  f("generic", "hardcoded-password", "SMTP_PASSWORD", () => until(() => `${alnum(6)}!${digits(4)}${lower(4)}`, (v) => !isPasswordPlaceholder(v))),
  f("generic", "hardcoded-password", "db_pass", () => `${alnum(10)}${digits(3)}`),
  f("generic", "high-entropy-secret", "CREDS", () => `${alnum(12)}${digits(4)}${alnum(12)}`),
  f("generic", "high-entropy-secret", "USER_AUTH", () => `${b64url(18)}7${b64url(13)}`),
  f("generic", "high-entropy-secret", "CLIENT_SECRET", () => hex(40)),
  f("generic", "high-entropy-secret", "ACCOUNT_KEY", () => `${alnum(26)}${digits(4)}`),
  f("generic", "high-entropy-secret", "SESSION_SIGNING_KEY", () => `${alnum(30)}${digits(4)}`),
  // Lower-case keys, bare, after a prefix or in dashed groups: one random draw in a hundred falls
  // under the entropy a generated key is held to (randomFloor) and reads as a typed name, and one
  // in 300 of 18 characters holds no digit (a word-like name, then), so the corpus draws again.
  // A base62 key that drew no digit (one in sixteen of 16 characters): letters in both cases.
  f("generic", "high-entropy-secret", "MAPS_API_SECRET", () => until(() => pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 18), (v) => /[a-z]/.test(v) && /[A-Z]/.test(v) && [...v].filter((c, i) => i > 0 && (c < "a") !== (v[i - 1]! < "a")).length >= 0.35 * 17)),
  // Random hex in short groups, 4-4-6-6-8, as Everhour prints its keys (base36 in groups: a rate
  // test in secret-detector.test.ts, as one draw in twenty reads as words).
  f("generic", "high-entropy-secret", "TIMESHEET_API_KEY", () => until(() => `${hex(4)}-${hex(4)}-${hex(6)}-${hex(6)}-${hex(8)}`, (v) => entropy(v.replace(/-/g, "")) >= randomFloor(28, true))),
  // A short hex key, 14 digits as IPinfo's are: hex of that length under a secret's name.
  f("generic", "high-entropy-secret", "IPINFO_TOKEN", () => until(() => hex(14), (v) => /\d/.test(v) && /[a-f]/.test(v) && entropy(v) >= randomFloor(14, true))),
  f("generic", "high-entropy-secret", "ROUTING_API_KEY", () => until(() => base36(18), (v) => /\d/.test(v) && entropy(v) >= randomFloor(18, false))),
  f("generic", "high-entropy-secret", "LETTERS_API_KEY", () => `live_${until(() => hex(35), (v) => entropy(v) >= randomFloor(35, true))}`),
  f("generic", "high-entropy-secret", "CHAT_ACCESS_TOKEN", () => `${base36(6)}-${until(() => base36(24), (v) => /\d/.test(v) && entropy(v) >= randomFloor(24, false))}-${base36(8)}`),
];

/** Microsoft's common annotated key with a provider signature: JQQJ9, a version, and the signature 76 in. */
const microsoftAnnotatedKey = (provider: string) => `${alnum(52)}JQQJ9${pick("9DH", 1)}${alnum(1)}${pick("ABCDEFGHIJKL", 1)}${alnum(16)}${provider}${alnum(4)}`;

const jwtPart = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
function jwt(claims: object): string {
  return `${jwtPart({ alg: "HS256", typ: "JWT" })}.${jwtPart(claims)}.${b64url(43)}`;
}

/** A private key as PEM, made now. */
export function privateKeyPem(): string {
  return generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
}

/** Credentials in forms of their own: not a name and a value, but a command, a header, a file. */
export function rawCredentials(): Array<{ kind: string; form: string; text: string }> {
  const pem = privateKeyPem();
  const password = `${alnum(8)}${digits(3)}`;
  return [
    { kind: "private-key", form: "pem file", text: pem },
    { kind: "private-key", form: "escaped in json", text: `{"tlsKey": "${pem.replace(/\n/g, "\\n")}"}\n` },
    { kind: "npm-legacy-token", form: ".npmrc", text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${uuid()}\n` },
    { kind: "command-line-password", form: "curl -u", text: `curl -sS -u deploy:${password} https://ci.community.test/api/v1/jobs\n` },
    { kind: "bearer-token", form: "Authorization: Bearer", text: `curl -H "Authorization: Bearer ${alnum(20)}${digits(4)}" https://api.community.test/v1/me\n` },
    { kind: "high-entropy-secret", form: "Authorization: a key with no scheme", text: `curl -H "Authorization: ${alnum(28)}${digits(4)}" https://api.community.test/v1/me\n` },
    { kind: "bearer-token", form: "Authorization: Token", text: `GET /api/v1/me HTTP/1.1\nHost: api.community.test\nAuthorization: Token ${hex(40)}\n` },
    { kind: "high-entropy-secret", form: "X-Api-Key header", text: `curl -H "X-Community-Api-Key: ${alnum(28)}${digits(4)}" https://api.community.test\n` },
    { kind: "high-entropy-secret", form: "apikey header", text: `headers = { 'apikey': '${alnum(28)}${digits(4)}' }\n` },
    { kind: "basic-auth-header", form: "Authorization: Basic", text: `Authorization: Basic ${Buffer.from(`deploy:${password}`).toString("base64")}\n` },
    { kind: "hardcoded-password", form: "JDBC", text: `spring.datasource.url=jdbc:sqlserver://db.internal:1433;databaseName=community;user=app;password=${password};encrypt=true\n` },
    { kind: "hardcoded-password", form: "StackExchange.Redis connection string", text: `"ConnectionStrings": { "Redis": "community.redis.cache.windows.net:6380,password=${password},ssl=True,abortConnect=False" }\n` },
    { kind: "hardcoded-password", form: "SQL Server connection string", text: `"ConnectionStrings": { "Default": "Server=tcp:db.internal,1433;Database=community;User ID=app;Password=${password};Encrypt=True;" }\n` },
    { kind: "powershell-plaintext-password", form: "ConvertTo-SecureString", text: `$cred = ConvertTo-SecureString "${password}" -AsPlainText -Force\n` },
    { kind: "netrc-password", form: ".netrc", text: `machine api.community.test\n  login deploy\n  password ${password}\n` },
    { kind: "psexec-password", form: "psexec -p", text: `psexec \\\\build01 -u ci -p ${password} cmd /c deploy.bat\n` },
    { kind: "url-with-password", form: "redis URL without a user", text: `REDIS_URL=redis://:${password}@cache.internal:6379/0\n` },
    { kind: "url-with-password", form: "MongoDB URL with several hosts", text: `MONGO_URL=mongodb://app:${password}@m1.internal:27017,m2.internal:27017/community?replicaSet=rs0\n` },
    { kind: "high-entropy-secret", form: "escaped JSON", text: `{"message": "config {\\"api_secret\\": \\"${alnum(24)}${digits(4)}\\"}"}\n` },
    { kind: "high-entropy-secret", form: "YAML block scalar", text: `webhooks:\n  signing_secret: |\n    ${alnum(24)}${digits(4)}\n` },
    { kind: "thingsboard-device-token", form: "device API URL", text: `curl -X POST https://thingsboard.cloud/api/v1/${alnum(20)}/telemetry -d '{"t": 21}'\n` },
    { kind: "okta-ssws-header", form: "Authorization: SSWS", text: `curl -H "Authorization: SSWS 00${b64url(40)}" https://community.okta.com/api/v1/users\n` },
    { kind: "network-credential-password", form: "new NetworkCredential", text: `client.Credentials = new NetworkCredential("deploy", "${password}");\n` },
    { kind: "base64-private-key", form: "Kubernetes tls.key", text: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${Buffer.from(pem).toString("base64")}\n` },
    { kind: "truenas-api-key", form: "login_with_api_key", text: `{"msg": "method", "method": "auth.login_with_api_key", "params": ["${digits(2)}-${alnum(64)}"]}\n` },
    { kind: "vault-unseal-key", form: "vault operator unseal", text: `vault operator unseal -address=https://vault.internal:8200 ${b64(44)}\n` },
    { kind: "grafana-legacy-api-key", form: "Grafana API key", text: `GrafanaClient("${Buffer.from(JSON.stringify({ k: alnum(32), n: "deploy", id: 1 })).toString("base64")}", host="grafana.internal")\n` },
    { kind: "url-with-password", form: "URL whose password holds an @", text: `MONGO_URL=mongodb+srv://app:${alnum(8)}@${digits(3)}!@cluster0.mongodb.internal/community\n` },
    { kind: "high-entropy-secret", form: "dotted token in a query string", text: `https://search.community.test/api?token=${alnum(11)}.${alnum(20)}${digits(3)}-${alnum(8)}\n` },
    { kind: "high-entropy-secret", form: "Android buildConfigField", text: `android {\n  defaultConfig {\n    buildConfigField 'String', 'MAPS_API_KEY', '"${alnum(28)}${digits(4)}"'\n  }\n}\n` },
    { kind: "high-entropy-secret", form: "a name written as one word (jwtsecret)", text: `auth:\n  jwtsecret: "${alnum(28)}${digits(4)}"\n` },
    { kind: "vault-legacy-token", form: "Vault token longer than 24 characters", text: `VAULT_CLIENT_TOKEN="s.${alnum(22)}${digits(4)}"\n` },
    { kind: "hardcoded-password", form: "a password compared in code", text: `if username == "ops" and password == "${password}":\n    return grant()\n` },
    { kind: "hardcoded-password", form: "Java equals", text: `if (user.getPassword().equals("${password}")) { grant(); }\n` },
    { kind: "azure-storage-key", form: "connection string", text: `DefaultEndpointsProtocol=https;AccountName=communityfiles;AccountKey=${b64(86)}==;EndpointSuffix=core.windows.net\n` },
  ];
}

/** A clean value that looks like a credential: under a name, in every syntax. */
export interface LookAlike {
  readonly what: string;
  readonly group: string;
  readonly name: string;
  make(): string;
}

const l = (group: string, what: string, name: string, make: () => string): LookAlike => ({ group, what, name, make });
const repeat = (c: string, n: number) => c.repeat(n);

export const LOOK_ALIKES: readonly LookAlike[] = [
  l("cloud", "AWS documentation example key id", "AWS_ACCESS_KEY_ID", () => join("AKIA", "IOSFODNN7", "EXAMPLE")),
  l("cloud", "AWS key id filler", "AWS_ACCESS_KEY_ID", () => `AKIA${repeat("X", 16)}`),
  l("cloud", "ARN of a secret", "SECRET_ARN", () => `arn:aws:secretsmanager:eu-west-1:${digits(12)}:secret:/launch-baseline/prod/smtp-password-${hex(6)}`),
  l("cloud", "account id", "AWS_ACCOUNT_ID", () => digits(12)),
  l("cloud", "Cloudflare zone id", "CLOUDFLARE_ZONE_ID", () => hex(32)),
  l("cloud", "Cloudflare account id", "CLOUDFLARE_ACCOUNT_ID", () => hex(32)),
  l("cloud", "Google OAuth client id", "GOOGLE_CLIENT_ID", () => `${digits(12)}-${pick("abcdefghijklmnopqrstuvwxyz0123456789", 32)}.apps.googleusercontent.com`),
  l("code-hosting", "GitHub token filler", "GITHUB_TOKEN", () => `ghp_${repeat("x", 36)}`),
  l("code-hosting", "GitLab token filler", "GITLAB_TOKEN", () => `glpat-${repeat("X", 20)}`),
  l("code-hosting", "truncated GitHub token", "GITHUB_TOKEN", () => `ghp_${alnum(6)}...`),
  l("code-hosting", "git commit", "GIT_SHA", () => hex(40)),
  l("services", "a Ramp client id (names the app)", "RAMP_CLIENT_ID", () => `ramp_id_${alnum(40)}`),
  l("email", "a database primary key's name", "USERS_PK", () => `pk_users_${lower(6)}_id`),
  l("cloud", "an encrypted AWS secret key (ciphertext in base64, as CI files keep it)", "AWS_SECRET_ACCESS_KEY", () => randomBytes(40).toString("base64")),
  l("services", "a stream key without Twitch's live_ prefix", "TWITCH_STREAM_KEY", () => `${digits(9)}_${alnum(25)}`),
  l("generic", "a camelCase field name under a secret's name", "CLIENT_SECRET_FIELD", () => "clientSecretFromVaultOrEnv"),
  l("generic", "a secret store entry's name", "DB_PASSWORD_SECRET_NAME", () => `launch-baseline-prod-${lower(5)}-database-password-v2`),
  l("generic", "a release tag under a token's name", "DEPLOY_TOKEN_REF", () => `release-2026-${digits(2)}-${digits(2)}-build${digits(3)}`),
  l("generic", "a service name under a key's name", "QUEUE_KEY", () => `community-notifications-eu-west-1-${digits(2)}`),
  l("messaging", "Slack token filler", "SLACK_BOT_TOKEN", () => "xoxb-xxxx-xxxx-xxxxxxxxxxxx"),
  l("messaging", "Slack prefix inside a URL", "ICON_URL", () => `https://static.community.test/icons/xoxb-sprite-2x-${lower(6)}.png`),
  l("messaging", "Twilio account SID", "TWILIO_ACCOUNT_SID", () => `AC${hex(32)}`),
  l("email", "Mailgun public validation key", "MAILGUN_PUBLIC_KEY", () => `pubkey-${hex(32)}`),
  l("email", "DKIM public key", "DKIM_RECORD", () => `v=DKIM1; k=rsa; p=${generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64")}`),
  l("payments", "Stripe publishable key", "STRIPE_PUBLISHABLE_KEY", () => `pk_live_${alnum(24)}`),
  l("payments", "Stripe key with sequential filler", "STRIPE_KEY", () => ["sk", "live", "1234567890abcdefghijklmn"].join("_")),
  l("payments", "PayPal client id", "PAYPAL_CLIENT_ID", () => `A${b64url(79)}`),
  l("generic", "SSH public key", "DEPLOY_PUBLIC_KEY", () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64url(43)} deploy@ci`),
  l("generic", "UUID under an id name", "API_KEY_ID", uuid),
  l("generic", "SHA-256 under a hash name", "ASSET_HASH", () => hex(64)),
  l("generic", "image digest", "IMAGE_DIGEST", () => `sha256:${hex(64)}`),
  l("generic", "hex under a bare key name", "CACHE_KEY", () => hex(40)),
  l("generic", "angle placeholder", "API_TOKEN", () => "<your-api-token>"),
  l("generic", "template", "DB_PASSWORD", () => "${DB_PASSWORD}"),
  l("generic", "Helm template", "DB_PASSWORD", () => "{{ .Values.db.password }}"),
  l("generic", "changeme", "SMTP_PASSWORD", () => "changeme"),
  l("generic", "sops-encrypted value", "DB_PASSWORD", () => `ENC[AES256_GCM,data:${b64(24)},iv:${b64(43)}=,tag:${b64(22)}==,type:str]`),
  l("generic", "repeated filler", "SECRET_KEY", () => repeat("a", 32)),
  l("generic", "masked value", "API_TOKEN", () => "****************"),
  l("generic", "URL without a password", "APP_URL", () => "https://app.community.test/login?next=/feed"),
  l("generic", "URL with a placeholder password", "DATABASE_URL", () => "postgres://app:password@localhost:5432/community"),
  l("generic", "secret's name", "SESSION_SECRET_NAME", () => "session-signing-key"),
  l("generic", "secret's path", "SMTP_PASSWORD_PATH", () => "/launch-baseline/prod/smtp-password"),
  l("generic", "secret's length", "secret_length", () => "64"),
  l("generic", "public token", "publicToken", () => `${alnum(24)}${digits(4)}`),
  l("generic", "CSRF token", "csrf_token", () => `${alnum(28)}${digits(4)}`),
  l("generic", "anti-forgery token", "authenticity_token", () => `${b64(40)}==`),
  l("generic", "version", "APP_VERSION", () => "2026.11.29-rc.3"),
  l("generic", "variable name as value", "TOKEN_ENV", () => "GITHUB_TOKEN"),
  l("generic", "token lifetime", "TOKEN_TTL", () => "3600"),
  l("generic", "code reference", "SECRET", () => "Other.secret_length"),
];

/** Lines of code that mention secrets without holding one. */
export function rawLookAlikes(): Array<{ what: string; text: string }> {
  return [
    { what: "code reference on the right", text: "const x = Other.secret_length;\nlet token = req.headers.authorization;\npassword = os.environ.get(\"DB_PASSWORD\")\n" },
    { what: "PEM header with no key body", text: 'if (pem.startsWith("-----BEGIN PRIVATE KEY-----")) {\n  return parse(pem);\n}\n' },
    { what: "curl with variables", text: 'curl -u "$CI_USER:$CI_PASSWORD" https://ci.community.test\ncurl -u user:password https://httpbin.test/basic-auth\n' },
    { what: "bearer with a variable", text: 'curl -H "Authorization: Bearer $TOKEN" https://api.community.test\nAuthorization: Bearer <token>\n' },
    { what: "CSRF meta tag", text: `<meta name="csrf-token" content="${alnum(40)}">\n` },
    { what: "Slack prefix inside a word", text: `const cls = "toxoxb-${lower(12)}-item";\n` },
    { what: "types and settings", text: "password: str\npassword_min_length = 12\nauth_provider: github\ntoken_type: Bearer\n" },
    { what: "escaped XML example in a comment", text: "  // <password>\\n  value\\n</password>\n" },
    { what: "OpenAI's prefix without its marker", text: `The key looks like sk-proj-${alnum(48)} in the dashboard.\n` },
    { what: "a setting that merely ends in token", text: "csrftoken: X-CSRFToken\nxsrftoken = cookie-name\n" },
    { what: "Microsoft's key shape with a version it does not issue", text: `build ${alnum(52)}JQQJ98${alnum(1)}A${alnum(16)}ACOG${alnum(4)} passed\n` },
    { what: "a password compared with another value or nothing", text: 'if (password !== confirmPassword) fail();\nif password == "":\n    raise Missing()\nif (token === undefined) refresh();\n' },
    { what: "minified code that reads and writes credentials", text: 'if(":"!==g||v){var y=Qd(g,Jd);v?s.password+=y:s.username+=y}else v=!0}\ne.username===void 0&&e.password===void 0&&(t.password=U(r.password,s)),e.protocol=n;\nreturn{deploymentId:c,clientAssetToken:P.supportsImmutableAssets?"":c}\n_global[GLOBAL_LOGS_API_KEY] = makeGetter(API_BACKWARDS_COMPATIBILITY_VERSION, provider, NOOP_LOGGER_PROVIDER);\n' },
    { what: "XML with a reference", text: "<password>${env.DB_PASSWORD}</password>\n<apiKey>\n  ${API_KEY}\n</apiKey>\n" },
  ];
}

export interface CorpusCase {
  readonly group: string;
  /** The rule that must report it; undefined for a look-alike. */
  readonly kind?: string;
  readonly label: string;
  readonly syntax: string;
  readonly text: string;
}

/** Every family and look-alike in every syntax, plus the raw forms: the test and bench corpus. */
export function corpus(): { secrets: CorpusCase[]; lookAlikes: CorpusCase[] } {
  const secrets: CorpusCase[] = [];
  for (const fam of FAMILIES) for (const s of SYNTAXES) secrets.push({ group: fam.group, kind: fam.kind, label: `${fam.kind} (${fam.name})`, syntax: s.id, text: s.render(fam.name, fam.make()) });
  for (const r of rawCredentials()) secrets.push({ group: "generic", kind: r.kind, label: `${r.kind} (${r.form})`, syntax: r.form, text: r.text });
  const lookAlikes: CorpusCase[] = [];
  for (const la of LOOK_ALIKES) for (const s of SYNTAXES) lookAlikes.push({ group: la.group, label: la.what, syntax: s.id, text: s.render(la.name, la.make()) });
  for (const r of rawLookAlikes()) lookAlikes.push({ group: "generic", label: r.what, syntax: "raw", text: r.text });
  return { secrets, lookAlikes };
}

/** One sample per family as `NAME=value`, for the policy and verify tests. */
export interface Sample {
  readonly kind: string;
  readonly text: string;
  readonly value: string;
  readonly name: string;
}

export function credentials(): Sample[] {
  return FAMILIES.map((fam) => {
    const value = fam.make();
    return { kind: fam.kind, name: fam.name, value, text: `${fam.name}=${value}` };
  });
}

export function lookAlikes(): Sample[] {
  return LOOK_ALIKES.map((la) => {
    const value = la.make();
    return { kind: la.what, name: la.name, value, text: `${la.name}=${value}` };
  });
}
