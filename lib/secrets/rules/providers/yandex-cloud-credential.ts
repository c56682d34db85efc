import type { FormatRule } from "../types";

// Yandex Cloud IAM tokens (`t1.`, a part, a dot and 86 characters) and API keys (`AQVN` and 35 to
// 38 characters).

export const YandexCloudCredential: FormatRule = {
  id: "yandex-cloud-credential",
  description: "a Yandex Cloud IAM token or API key",
  keywords: ["t1.", "aqvn"],
  pattern: /\b(t1\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]{86}={0,2}|AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_=-])/,
  minEntropy: 3.5,
  sources: [
    "https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token",
    "https://yandex.cloud/en/docs/iam/concepts/authorization/api-key",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (yandex-access-token, yandex-api-key)",
  ],
};
