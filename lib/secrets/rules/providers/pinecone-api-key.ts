import type { FormatRule } from "../types";

// Pinecone API keys: `pcsk_`, a five- or six-character key id, `_` and 63 letters and digits.

export const PineconeApiKey: FormatRule = {
  id: "pinecone-api-key",
  description: "a Pinecone API key",
  keywords: ["pcsk_"],
  pattern: /\b(pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63})\b/,
  minEntropy: 4,
  sources: [
    "https://docs.pinecone.io/guides/projects/manage-api-keys",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/pinecone",
  ],
};
