import { AdafruitIoKey } from "./adafruit-io-key";
import { AdobeClientSecret } from "./adobe-client-secret";
import { AirtablePersonalAccessToken } from "./airtable-personal-access-token";
import { AlibabaAccessKeyId } from "./alibaba-access-key-id";
import { ApifyApiToken } from "./apify-api-token";
import { ArtifactoryToken } from "./artifactory-token";
import { AwsBedrockApiKey } from "./aws-bedrock-api-key";
import { AzureCommonAnnotatedKey } from "./azure-common-annotated-key";
import { AzureDevopsLegacyPat } from "./azure-devops-legacy-pat";
import { AzureDevopsPat } from "./azure-devops-pat";
import { AzureIdentifiableKey } from "./azure-identifiable-key";
import { BitbucketDataCenterToken } from "./bitbucket-data-center-token";
import { BuildkiteToken } from "./buildkite-token";
import { CircleciToken } from "./circleci-token";
import { ClickhouseCloudApiSecret } from "./clickhouse-cloud-api-secret";
import { ClojarsDeployToken } from "./clojars-deploy-token";
import { ContentfulToken } from "./contentful-token";
import { DatadogKey } from "./datadog-key";
import { DefinedNetworkingApiToken } from "./defined-networking-api-token";
import { DenoDeployToken } from "./deno-deploy-token";
import { DependencyTrackKey } from "./dependency-track-key";
import { DjangoGeneratedSecretKey } from "./django-generated-secret-key";
import { DockerHubToken } from "./docker-hub-token";
import { DropboxShortLivedToken } from "./dropbox-short-lived-token";
import { DuffelApiToken } from "./duffel-api-token";
import { DynatraceToken } from "./dynatrace-token";
import { EasypostApiKey } from "./easypost-api-key";
import { ElevenlabsApiKey } from "./elevenlabs-api-key";
import { FigmaLegacyToken } from "./figma-legacy-token";
import { FigmaToken } from "./figma-token";
import { FirecrawlApiKey } from "./firecrawl-api-key";
import { FlutterwaveSecretKey } from "./flutterwave-secret-key";
import { FlyioToken } from "./flyio-token";
import { FrameioToken } from "./frameio-token";
import { GitlabSessionCookie } from "./gitlab-session-cookie";
import { GocardlessAccessToken } from "./gocardless-access-token";
import { GoogleOauthAccessToken } from "./google-oauth-access-token";
import { GrafanaCloudToken } from "./grafana-cloud-token";
import { GrafanaLegacyApiKey } from "./grafana-legacy-api-key";
import { GroqApiKey } from "./groq-api-key";
import { HarnessToken } from "./harness-token";
import { HerokuApiKeyV2 } from "./heroku-api-key-v2";
import { HubspotPrivateAppToken } from "./hubspot-private-app-token";
import { InfracostApiKey } from "./infracost-api-key";
import { Intra42ClientSecret } from "./intra42-client-secret";
import { KlaviyoPrivateApiKey } from "./klaviyo-private-api-key";
import { KubernetesBootstrapToken } from "./kubernetes-bootstrap-token";
import { LangsmithApiKey } from "./langsmith-api-key";
import { MapboxSecretToken } from "./mapbox-secret-token";
import { MaxmindLicenseKey } from "./maxmind-license-key";
import { MetaAccessToken } from "./meta-access-token";
import { NetlifyToken } from "./netlify-token";
import { NewRelicKey } from "./new-relic-keys";
import { NotionToken } from "./notion-token";
import { NugetApiKey } from "./nuget-api-key";
import { NvidiaApiKey } from "./nvidia-api-key";
import { OctopusDeployApiKey } from "./octopus-deploy-api-key";
import { OktaApiToken } from "./okta-api-token";
import { OnepasswordSecretKey } from "./onepassword-secret-key";
import { OnepasswordServiceAccountToken } from "./onepassword-service-account-token";
import { OpenaiApiKey } from "./openai-api-key";
import { OpenrouterApiKey } from "./openrouter-api-key";
import { OpenshiftUserToken } from "./openshift-user-token";
import { PerplexityApiKey } from "./perplexity-api-key";
import { PineconeApiKey } from "./pinecone-api-key";
import { PixieKey } from "./pixie-key";
import { PlaidAccessToken } from "./plaid-access-token";
import { PlanetscaleToken } from "./planetscale-token";
import { PosthogPersonalKey } from "./posthog-personal-key";
import { PrefectApiKey } from "./prefect-api-key";
import { PulumiAccessToken } from "./pulumi-access-token";
import { RampApiSecret } from "./ramp-api-secret";
import { ReadmeApiKey } from "./readme-api-key";
import { RenderApiKey } from "./render-api-key";
import { ReplicateApiToken } from "./replicate-api-token";
import { ResendApiKey } from "./resend-api-key";
import { RootlyApiKey } from "./rootly-api-key";
import { RubygemsApiKey } from "./rubygems-api-key";
import { SalesforceAccessToken } from "./salesforce-access-token";
import { ScalingoApiToken } from "./scalingo-api-token";
import { SettlemintToken } from "./settlemint-token";
import { ShippoApiToken } from "./shippo-api-token";
import { SonarqubeLegacyToken } from "./sonarqube-legacy-token";
import { SonarqubeToken } from "./sonarqube-token";
import { SourcegraphToken } from "./sourcegraph-token";
import { StackhawkApiKey } from "./stackhawk-api-key";
import { SupabaseToken } from "./supabase-token";
import { TableauPersonalAccessToken } from "./tableau-personal-access-token";
import { TailscaleKey } from "./tailscale-key";
import { TavilyApiKey } from "./tavily-api-key";
import { TerraformCloudToken } from "./terraform-cloud-token";
import { ThingsboardDeviceToken } from "./thingsboard-device-token";
import { TwilioAuthToken } from "./twilio-auth-token";
import { TwitchClientSecret } from "./twitch-client-secret";
import { TwitchStreamKey } from "./twitch-stream-key";
import { TwitterBearerToken } from "./twitter-bearer-token";
import { TypeformToken } from "./typeform-token";
import { VaultLegacyToken } from "./vault-legacy-token";
import { VoiceflowApiKey } from "./voiceflow-api-key";
import { XaiApiKey } from "./xai-api-key";
import { YandexCloudCredential } from "./yandex-cloud-credential";
import { ZapierWebhookUrl } from "./zapier-webhook-url";
import { ZohoOauthToken } from "./zoho-oauth-token";
import type { FormatRule, NamedRule } from "../types";

// One rule a file, each with its sources: providers whose tokens have a documented shape.

export const FORMATS: readonly FormatRule[] = [
  AdafruitIoKey,
  AdobeClientSecret,
  AirtablePersonalAccessToken,
  AlibabaAccessKeyId,
  ApifyApiToken,
  ArtifactoryToken,
  AwsBedrockApiKey,
  AzureCommonAnnotatedKey,
  AzureDevopsPat,
  AzureIdentifiableKey,
  BitbucketDataCenterToken,
  BuildkiteToken,
  CircleciToken,
  ClickhouseCloudApiSecret,
  ClojarsDeployToken,
  ContentfulToken,
  DefinedNetworkingApiToken,
  DenoDeployToken,
  DependencyTrackKey,
  DjangoGeneratedSecretKey,
  DockerHubToken,
  DropboxShortLivedToken,
  DuffelApiToken,
  DynatraceToken,
  EasypostApiKey,
  ElevenlabsApiKey,
  FigmaToken,
  FirecrawlApiKey,
  FlutterwaveSecretKey,
  FlyioToken,
  FrameioToken,
  GitlabSessionCookie,
  GocardlessAccessToken,
  GoogleOauthAccessToken,
  GrafanaCloudToken,
  GrafanaLegacyApiKey,
  GroqApiKey,
  HarnessToken,
  HerokuApiKeyV2,
  HubspotPrivateAppToken,
  InfracostApiKey,
  Intra42ClientSecret,
  KlaviyoPrivateApiKey,
  LangsmithApiKey,
  MapboxSecretToken,
  MaxmindLicenseKey,
  MetaAccessToken,
  NetlifyToken,
  NewRelicKey,
  NotionToken,
  NugetApiKey,
  NvidiaApiKey,
  OctopusDeployApiKey,
  OnepasswordSecretKey,
  OnepasswordServiceAccountToken,
  OpenaiApiKey,
  OpenrouterApiKey,
  OpenshiftUserToken,
  PerplexityApiKey,
  PineconeApiKey,
  PixieKey,
  PlaidAccessToken,
  PlanetscaleToken,
  PosthogPersonalKey,
  PrefectApiKey,
  PulumiAccessToken,
  RampApiSecret,
  ReadmeApiKey,
  RenderApiKey,
  ReplicateApiToken,
  ResendApiKey,
  RootlyApiKey,
  RubygemsApiKey,
  SalesforceAccessToken,
  ScalingoApiToken,
  SettlemintToken,
  ShippoApiToken,
  SonarqubeToken,
  SourcegraphToken,
  StackhawkApiKey,
  SupabaseToken,
  TableauPersonalAccessToken,
  TailscaleKey,
  TavilyApiKey,
  TerraformCloudToken,
  ThingsboardDeviceToken,
  TwitchStreamKey,
  TwitterBearerToken,
  TypeformToken,
  VoiceflowApiKey,
  XaiApiKey,
  YandexCloudCredential,
  ZapierWebhookUrl,
  ZohoOauthToken,
];
export const NAMED: readonly NamedRule[] = [
  AzureDevopsLegacyPat,
  DatadogKey,
  FigmaLegacyToken,
  KubernetesBootstrapToken,
  OktaApiToken,
  SonarqubeLegacyToken,
  TwilioAuthToken,
  TwitchClientSecret,
  VaultLegacyToken,
];
