import { DatadogKey } from "./datadog-key";
import { DependencyTrackKey } from "./dependency-track-key";
import { DockerHubToken } from "./docker-hub-token";
import { FigmaToken } from "./figma-token";
import { GrafanaCloudToken } from "./grafana-cloud-token";
import { MapboxSecretToken } from "./mapbox-secret-token";
import { NewRelicKey } from "./new-relic-keys";
import { NugetApiKey } from "./nuget-api-key";
import { OktaApiToken } from "./okta-api-token";
import { SalesforceAccessToken } from "./salesforce-access-token";
import { SonarqubeToken } from "./sonarqube-token";
import { SourcegraphToken } from "./sourcegraph-token";
import { TailscaleKey } from "./tailscale-key";
import { TavilyApiKey } from "./tavily-api-key";
import { TerraformCloudToken } from "./terraform-cloud-token";
import { TwilioAuthToken } from "./twilio-auth-token";
import { TwitchClientSecret } from "./twitch-client-secret";
import type { FormatRule, NamedRule } from "../types";

// One rule a file, each with its sources: providers whose tokens have a documented shape.

export const FORMATS: readonly FormatRule[] = [DependencyTrackKey, DockerHubToken, FigmaToken, GrafanaCloudToken, MapboxSecretToken, NewRelicKey, NugetApiKey, SalesforceAccessToken, SonarqubeToken, SourcegraphToken, TailscaleKey, TavilyApiKey, TerraformCloudToken];
export const NAMED: readonly NamedRule[] = [DatadogKey, OktaApiToken, TwilioAuthToken, TwitchClientSecret];
