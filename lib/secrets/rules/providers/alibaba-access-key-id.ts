import type { FormatRule } from "../types";

// Alibaba Cloud AccessKey IDs: `LTAI` and 12 to 20 letters and digits. The ID names a key pair
// whose secret sits beside it, as AWS's key id does.

export const AlibabaAccessKeyId: FormatRule = {
  id: "alibaba-access-key-id",
  description: "an Alibaba Cloud AccessKey ID",
  keywords: ["ltai"],
  pattern: /\b(LTAI[A-Za-z0-9]{12,20})\b/,
  minEntropy: 3,
  sources: [
    "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (alibaba-access-key-id)",
  ],
};
