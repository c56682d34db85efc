import { AdafruitIoKey } from "./adafruit-io-key";
import { ArtifactoryToken } from "./artifactory-token";
import { AzureCommonAnnotatedKey } from "./azure-common-annotated-key";
import { AzureDevopsLegacyPat } from "./azure-devops-legacy-pat";
import { AzureDevopsPat } from "./azure-devops-pat";
import { AzureIdentifiableKey } from "./azure-identifiable-key";
import { BuildkiteToken } from "./buildkite-token";
import { ContentfulToken } from "./contentful-token";
import { DatadogKey } from "./datadog-key";
import { DependencyTrackKey } from "./dependency-track-key";
import { DjangoGeneratedSecretKey } from "./django-generated-secret-key";
import { DockerHubToken } from "./docker-hub-token";
import { DuffelApiToken } from "./duffel-api-token";
import { DynatraceToken } from "./dynatrace-token";
import { EasypostApiKey } from "./easypost-api-key";
import { FigmaLegacyToken } from "./figma-legacy-token";
import { FigmaToken } from "./figma-token";
import { FirecrawlApiKey } from "./firecrawl-api-key";
import { FlyioToken } from "./flyio-token";
import { GoogleOauthAccessToken } from "./google-oauth-access-token";
import { GrafanaCloudToken } from "./grafana-cloud-token";
import { GrafanaLegacyApiKey } from "./grafana-legacy-api-key";
import { GroqApiKey } from "./groq-api-key";
import { HubspotPrivateAppToken } from "./hubspot-private-app-token";
import { InfracostApiKey } from "./infracost-api-key";
import { KubernetesBootstrapToken } from "./kubernetes-bootstrap-token";
import { LangsmithApiKey } from "./langsmith-api-key";
import { MapboxSecretToken } from "./mapbox-secret-token";
import { NetlifyToken } from "./netlify-token";
import { NewRelicKey } from "./new-relic-keys";
import { NotionToken } from "./notion-token";
import { NugetApiKey } from "./nuget-api-key";
import { OctopusDeployApiKey } from "./octopus-deploy-api-key";
import { OpenaiApiKey } from "./openai-api-key";
import { OktaApiToken } from "./okta-api-token";
import { OnepasswordServiceAccountToken } from "./onepassword-service-account-token";
import { PerplexityApiKey } from "./perplexity-api-key";
import { PixieKey } from "./pixie-key";
import { PlaidAccessToken } from "./plaid-access-token";
import { PlanetscaleToken } from "./planetscale-token";
import { PosthogPersonalKey } from "./posthog-personal-key";
import { PrefectApiKey } from "./prefect-api-key";
import { PulumiAccessToken } from "./pulumi-access-token";
import { ReadmeApiKey } from "./readme-api-key";
import { RenderApiKey } from "./render-api-key";
import { ReplicateApiToken } from "./replicate-api-token";
import { ResendApiKey } from "./resend-api-key";
import { RubygemsApiKey } from "./rubygems-api-key";
import { SalesforceAccessToken } from "./salesforce-access-token";
import { ShippoApiToken } from "./shippo-api-token";
import { SonarqubeLegacyToken } from "./sonarqube-legacy-token";
import { SonarqubeToken } from "./sonarqube-token";
import { SourcegraphToken } from "./sourcegraph-token";
import { StackhawkApiKey } from "./stackhawk-api-key";
import { SupabaseToken } from "./supabase-token";
import { TailscaleKey } from "./tailscale-key";
import { TavilyApiKey } from "./tavily-api-key";
import { TerraformCloudToken } from "./terraform-cloud-token";
import { ThingsboardDeviceToken } from "./thingsboard-device-token";
import { TwilioAuthToken } from "./twilio-auth-token";
import { TwitchClientSecret } from "./twitch-client-secret";
import { TwitchStreamKey } from "./twitch-stream-key";
import { TypeformToken } from "./typeform-token";
import { VaultLegacyToken } from "./vault-legacy-token";
import { XaiApiKey } from "./xai-api-key";
import type { FormatRule, NamedRule } from "../types";

// One rule a file, each with its sources: providers whose tokens have a documented shape.

export const FORMATS: readonly FormatRule[] = [
  AdafruitIoKey,
  ArtifactoryToken,
  AzureCommonAnnotatedKey,
  AzureDevopsPat,
  AzureIdentifiableKey,
  BuildkiteToken,
  ContentfulToken,
  DependencyTrackKey,
  DjangoGeneratedSecretKey,
  DockerHubToken,
  DuffelApiToken,
  DynatraceToken,
  EasypostApiKey,
  FigmaToken,
  FirecrawlApiKey,
  FlyioToken,
  GoogleOauthAccessToken,
  GrafanaCloudToken,
  GrafanaLegacyApiKey,
  GroqApiKey,
  HubspotPrivateAppToken,
  InfracostApiKey,
  LangsmithApiKey,
  MapboxSecretToken,
  NetlifyToken,
  NewRelicKey,
  NotionToken,
  NugetApiKey,
  OctopusDeployApiKey,
  OpenaiApiKey,
  OnepasswordServiceAccountToken,
  PerplexityApiKey,
  PixieKey,
  PlaidAccessToken,
  PlanetscaleToken,
  PosthogPersonalKey,
  PrefectApiKey,
  PulumiAccessToken,
  ReadmeApiKey,
  RenderApiKey,
  ReplicateApiToken,
  ResendApiKey,
  RubygemsApiKey,
  SalesforceAccessToken,
  ShippoApiToken,
  SonarqubeToken,
  SourcegraphToken,
  StackhawkApiKey,
  SupabaseToken,
  TailscaleKey,
  TavilyApiKey,
  TerraformCloudToken,
  ThingsboardDeviceToken,
  TwitchStreamKey,
  TypeformToken,
  XaiApiKey,
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
