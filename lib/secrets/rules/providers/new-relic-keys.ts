import type { FormatRule } from "../types";

// New Relic's other keys: browser (`NRJS-`), insights insert (`NRII-`) and query (`NRIQ-`), admin
// (`NRAA-`), license keys ending in `NRAL`.

export const NewRelicKey: FormatRule = {
  id: "new-relic-key",
  description: "a New Relic key",
  keywords: ["nrjs-", "nrii-", "nriq-", "nraa-", "nral"],
  pattern: /\b(NRJS-[a-f0-9]{19}|NRAA-[a-f0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRIQ-[A-Za-z0-9_-]{25,32}|[a-f0-9]{36}NRAL)\b/,
  minEntropy: 3,
  sources: [
    "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
    "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/newrelicinsightsquerykey",
  ],
};
