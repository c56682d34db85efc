import type { FormatRule } from "../types";

// Voiceflow API keys: `VF.`, optionally `DM.` or `WS.`, 24 hex digits, `.` and 16 characters.

export const VoiceflowApiKey: FormatRule = {
  id: "voiceflow-api-key",
  description: "a Voiceflow API key",
  keywords: ["vf."],
  pattern: /\b(VF\.(?:(?:DM|WS)\.)?[a-fA-F0-9]{24}\.[A-Za-z0-9]{16})\b/,
  minEntropy: 3.5,
  sources: [
    "https://docs.voiceflow.com/reference/authentication",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/voiceflow",
  ],
};
