import type { FormatRule } from "../types";

// NuGet.org API keys: `oy2` and 43 lower-case letters and digits.

export const NugetApiKey: FormatRule = {
  id: "nuget-api-key",
  description: "a NuGet API key",
  keywords: ["oy2"],
  pattern: /\b(oy2[a-z0-9]{43})\b/,
  minEntropy: 3,
  sources: [
    "https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/nugetapikey",
  ],
};
