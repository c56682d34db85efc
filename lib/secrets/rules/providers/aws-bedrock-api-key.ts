import type { FormatRule } from "../types";

// Amazon Bedrock API keys. A long-term key is `ABSK` and base64 (of `BedrockAPIKey-` and the
// service-specific credential); a short-term key is `bedrock-api-key-` and the base64 of a
// presigned URL, which begins with the service's host name (YmVkcm9jay5hbWF6b25hd3MuY29t is
// bedrock.amazonaws.com) and holds its signature, so it is long.

export const AwsBedrockApiKey: FormatRule = {
  id: "aws-bedrock-api-key",
  description: "an Amazon Bedrock API key",
  keywords: ["absk", "bedrock-api-key-"],
  pattern: /\b(ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,}={0,2})(?![A-Za-z0-9+/=])/,
  minEntropy: 4,
  sources: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/aws.go",
  ],
};
