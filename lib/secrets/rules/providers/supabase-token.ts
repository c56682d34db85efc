import type { FormatRule } from "../types";

// Supabase personal access tokens (`sbp_`) and secret API keys (`sb_secret_`).

export const SupabaseToken: FormatRule = {
  id: "supabase-token",
  description: "a Supabase access token or secret key",
  keywords: ["sbp_", "sb_secret_"],
  pattern: /\b(sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  sources: [
    "https://supabase.com/docs/guides/api/api-keys",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/supabasetoken",
  ],
};
