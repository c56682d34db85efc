import type { FormatRule } from "../types";

// Adafruit IO keys: `aio_` and 28 characters.

export const AdafruitIoKey: FormatRule = {
  id: "adafruit-io-key",
  description: "an Adafruit IO key",
  keywords: ["aio_"],
  pattern: /\b(aio_[A-Za-z0-9]{28})\b/,
  minEntropy: 3,
  sources: [
    "https://io.adafruit.com/api/docs/",
    "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/adafruit.go",
  ],
};
