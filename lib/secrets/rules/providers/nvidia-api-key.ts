import type { FormatRule } from "../types";

// NVIDIA API keys (NGC, NIM and build.nvidia.com): `nvapi-` and 64 characters of base64url.

export const NvidiaApiKey: FormatRule = {
  id: "nvidia-api-key",
  description: "an NVIDIA API key",
  keywords: ["nvapi-"],
  pattern: /\b(nvapi-[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  sources: [
    "https://docs.nvidia.com/ngc/latest/ngc-user-guide.html#generating-api-key",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/nvapi",
  ],
};
