import type { FormatRule } from "../types";

// Deno Deploy access tokens: `ddp_` (personal) or `ddw_` (organisation) and 36 letters and digits.

export const DenoDeployToken: FormatRule = {
  id: "deno-deploy-token",
  description: "a Deno Deploy access token",
  keywords: ["ddp_", "ddw_"],
  pattern: /\b(dd[pw]_[A-Za-z0-9]{36})\b/,
  minEntropy: 4,
  sources: [
    "https://docs.deno.com/deploy/classic/api/",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/deno",
  ],
};
