import { isFiller } from "../../filler";
import { entropy, type FormatRule } from "../types";

// Microsoft's identifiable keys for Azure services: random base64 with a fixed signature at a
// fixed offset that names the service, as Microsoft's own scanner describes them. 44 characters
// for Service Bus (+ASb), Event Hubs (+AEh), Relay (+ARm), IoT Hub and devices (AIoT), Cache for
// Redis (AzCa) and Event Grid (AZEG); 52 for Search (AzSe) and Container Registry (+ACR); 56 for
// Functions (AzFu); 88 for Storage (+ASt), Cosmos DB (ACDb), Batch (+ABa), Machine Learning
// (+AMC) and API Management (APIM). The character after a signature is a version (A to P or A
// to D), and keys of 56 and 88 characters end in one of A, Q, g or w before their padding.
//
// The pattern matches the signature and what follows it; the random part before it is read
// from the text by `confirm`. A pattern that starts with 33 to 76 characters of base64 is tried
// at every position of a file and cost a tenth of a scan of source code; the signature is rare.

/** How many characters of random base64 come before each signature, and which alphabet. */
const BEFORE: Record<string, { length: number; alphabet: RegExp }> = {
  "+ASb": { length: 33, alphabet: /^[A-Za-z0-9+/]+$/ },
  "+AEh": { length: 33, alphabet: /^[A-Za-z0-9+/]+$/ },
  "+ARm": { length: 33, alphabet: /^[A-Za-z0-9+/]+$/ },
  AIoT: { length: 33, alphabet: /^[A-Za-z0-9+/]+$/ },
  AzCa: { length: 33, alphabet: /^[A-Za-z0-9+/]+$/ },
  AZEG: { length: 33, alphabet: /^[A-Za-z0-9+/]+$/ },
  AzSe: { length: 42, alphabet: /^[A-Za-z0-9]+$/ },
  "+ACR": { length: 42, alphabet: /^[A-Za-z0-9+/]+$/ },
  AzFu: { length: 44, alphabet: /^[A-Za-z0-9_-]+$/ },
  "+ASt": { length: 76, alphabet: /^[A-Za-z0-9+/]+$/ },
  ACDb: { length: 76, alphabet: /^[A-Za-z0-9+/]+$/ },
  "+ABa": { length: 76, alphabet: /^[A-Za-z0-9+/]+$/ },
  "+AMC": { length: 76, alphabet: /^[A-Za-z0-9+/]+$/ },
  APIM: { length: 76, alphabet: /^[A-Za-z0-9+/]+$/ },
};

/** The whole key: the random part before the signature must be there, of its alphabet, with no key character before it. */
function wholeKey(tail: string, text: string, end: number): boolean {
  const before = BEFORE[tail.slice(0, 4)];
  const start = end - tail.length - before.length;
  if (start < 0) return false;
  const random = text.slice(start, end - tail.length);
  if (!before.alphabet.test(random) || (start > 0 && /[A-Za-z0-9+/_-]/.test(text[start - 1]))) return false;
  const key = random + tail;
  return !isFiller(key) && entropy(key) >= 3.5;
}

export const AzureIdentifiableKey: FormatRule = {
  id: "azure-identifiable-key",
  description: "an Azure service access key (Microsoft's identifiable format)",
  keywords: ["+asb", "+aeh", "+arm", "aiot", "azca", "azeg", "azse", "+acr", "azfu", "+ast", "acdb", "+aba", "+amc", "apim"],
  pattern: /(?:(?:\+ASb|\+AEh|\+ARm|AIoT|AzCa|AZEG)[A-P][A-Za-z0-9+/]{5}=|(?:AzSe|\+ACR)[A-D][A-Za-z0-9+/]{5}|AzFu[A-Za-z0-9_-]{5}[AQgw]==|(?:\+ASt|ACDb|\+ABa|\+AMC|APIM)[A-Za-z0-9+/]{5}[AQgw]==)(?![A-Za-z0-9+/_=-])/,
  marker: true,
  confirm: wholeKey,
  sources: [
    "https://github.com/microsoft/security-utilities/blob/main/GeneratedRegexPatterns/HighConfidenceSecurityModels.json (SEC101/152 to SEC101/199)",
  ],
};
